package dev.switchboard.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The fault campaign, after Pacemaker's CTS: a seeded random sequence of {@link Fault}s against
 * the demo, and after each, once the cluster has settled, the {@link Invariants}. Then the
 * cluster is brought back to Online on one server (as an operator would), so the next fault
 * starts from a healthy group. The seed is printed first; the campaign stops after the first
 * fault with violations, printing each with how to replay the sequence up to it.
 */
final class Campaign {

    /** How long the cluster may take to settle after a fault: beyond it, the cluster is wedged. */
    static final Duration SETTLES = Duration.ofSeconds(90);
    /** A settled cluster shows the same state this long (the monitor checks every second). */
    static final Duration STEADY = Duration.ofMillis(1500);

    private final CampaignDemo demo;
    private final long seed;
    private final int faults;
    private final String replay;
    private final Invariants invariants = new Invariants();
    private final FaultInjector injector;
    /** Kinds left out (-Dcampaign.without=disk-full,…), to isolate a finding; drawn all the same, so the sequence stays the seed's. */
    private final java.util.Set<String> without;

    /** @param replay the command that runs this campaign, to which the seed and fault count are added */
    Campaign(CampaignDemo demo, long seed, int faults, String replay) {
        this.demo = demo;
        this.seed = seed;
        this.faults = faults;
        this.replay = replay;
        this.injector = new FaultInjector(demo, invariants);
        String left = System.getProperty("campaign.without", "");
        this.without = left.isBlank() ? java.util.Set.of() : java.util.Set.of(left.split(","));
    }

    record Violation(int index, String kind, String problem) {
    }

    record Result(long seed, int faults, Map<String, Integer> byKind, Map<String, Integer> skipped,
                  List<Violation> violations, Duration took) {
    }

    Result run() throws Exception {
        System.out.println("campaign: seed " + seed + ", " + faults + " faults" + (without.isEmpty() ? "" : " without " + without)
                + " (replay: " + replayCommand(faults) + ")");
        long began = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        List<Violation> violations = new ArrayList<>();
        injector.restartSwitchboard();
        settleAndCheck().forEach(problem -> violations.add(report(-1, "first start", problem)));
        restore(-1, "first start", violations);
        for (int i = 0; i < faults; i++) {
            Fault fault = Fault.draw(random);
            if (!injector.canMake(fault) || without.contains(fault.kind())) {
                skipped.merge(fault.kind(), 1, Integer::sum);
                System.out.println("campaign: fault " + (i + 1) + " " + fault + " skipped ("
                        + (without.contains(fault.kind()) ? "-Dcampaign.without" : "needs root for a tmpfs") + ")");
                continue;
            }
            int index = i;
            long at = System.nanoTime();
            List<String> found = new ArrayList<>();
            try (AutoCloseable undo = injector.make(fault)) {
                found.addAll(settleAndCheck());
            } finally {
                demo.disarm();
            }
            byKind.merge(fault.kind(), 1, Integer::sum);
            found.forEach(problem -> violations.add(report(index, fault, problem)));
            System.out.printf("campaign: fault %d/%d %s: %s (%.1f s)%n", i + 1, faults, fault,
                    found.isEmpty() ? "invariants hold" : found.size() + " violation(s)", (System.nanoTime() - at) / 1e9);
            if (!found.isEmpty()) {
                break; // what follows a violation (a broken chain stays broken) would only repeat it, slowly
            }
            if (!restore(i, fault.kind(), violations)) {
                break; // a cluster that cannot be brought back makes every later fault meaningless
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        System.out.println("campaign: seed " + seed + " done in " + took.toSeconds() + " s: " + byKind + ", skipped "
                + skipped + ", " + violations.size() + " violation(s)");
        return new Result(seed, faults, byKind, skipped, violations, took);
    }

    String replayCommand(int faultCount) {
        return replay + " -Dcampaign.seed=" + seed + " -Dcampaign.faults=" + faultCount
                + (without.isEmpty() ? "" : " -Dcampaign.without=" + String.join(",", without));
    }

    /** Waits for the cluster to settle (bounded), then checks every invariant on it. */
    private List<String> settleAndCheck() throws InterruptedException {
        Api api = demo.api();
        Snapshot last = null;
        long steadySince = System.nanoTime();
        long deadline = System.nanoTime() + SETTLES.toNanos();
        while (System.nanoTime() < deadline) {
            Snapshot now = Snapshot.take(api, demo);
            if (!now.equals(last)) {
                last = now;
                steadySince = System.nanoTime();
            } else if (!now.transient_() && System.nanoTime() - steadySince >= STEADY.toNanos() && noneRunning(api)) {
                return invariants.check(now, api);
            }
            Thread.sleep(200);
        }
        List<String> wedged = new ArrayList<>(List.of("the cluster did not settle within " + SETTLES.toSeconds()
                + " s; last seen: " + last));
        wedged.addAll(invariants.check(Snapshot.take(api, demo), api));
        return wedged;
    }

    private boolean noneRunning(Api api) {
        return invariants.unconfirmed(api).stream().allMatch(id -> List.of("SUCCEEDED", "FAILED", "INTERRUPTED")
                .contains(api.get("/api/v1/operations/" + id).body().path("operations").path(0).path("state").asString("")));
    }

    /**
     * Brings the group back to Online on one server with a Normal monitor, through the API as an
     * operator would (stop and start when it is not); false when that fails.
     */
    private boolean restore(int index, String kind, List<Violation> violations) throws Exception {
        Api api = demo.api();
        for (int attempt = 0; attempt < 3; attempt++) {
            Snapshot s = Snapshot.take(api, demo);
            if (s.answered() && "Online".equals(s.groupStatus()) && "Normal".equals(s.monitorStatus())
                    && s.applicationServers().size() == 1) {
                return true;
            }
            if (s.answered() && !"Offline".equals(s.groupStatus())) {
                injector.awaitEnd(injector.request(api, "stop"));
            }
            injector.awaitEnd(injector.request(api, "start"));
            List<String> found = settleAndCheck();
            found.forEach(problem -> violations.add(report(index, kind + " (restoring)", problem)));
        }
        violations.add(report(index, kind, "the group could not be brought back Online by stop and start: "
                + Snapshot.take(api, demo)));
        return false;
    }

    private Violation report(int index, Object fault, String problem) {
        System.out.println("campaign: VIOLATION at fault " + (index + 1) + " (" + fault + ") of seed " + seed + ": "
                + problem + "\n  replay: " + replayCommand(index + 1) + "\n  Switchboard's log: " + demo.log());
        return new Violation(index + 1, String.valueOf(fault), problem);
    }
}
