package dev.switchboard.campaign;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Makes one {@link Fault} happen to the demo, as an operator, the kernel or bad luck would. It
 * answers what is left to undo once the invariants were checked (a foreign listener still holds
 * the address while they are), or {@link #NOTHING}.
 */
final class FaultInjector {

    static final AutoCloseable NOTHING = () -> { };
    /** How long an operation may take to end: a hanging script's timeout, a failover and a service check. */
    static final Duration OPERATION_ENDS = Duration.ofSeconds(60);

    private final CampaignDemo demo;
    private final Invariants invariants;

    FaultInjector(CampaignDemo demo, Invariants invariants) {
        this.demo = demo;
        this.invariants = invariants;
    }

    /** Whether this run can make the fault at all (disk full needs root); a skipped one is counted apart. */
    boolean canMake(Fault fault) {
        return !(fault instanceof Fault.DiskFull) || demo.diskCanFill;
    }

    AutoCloseable make(Fault fault) throws Exception {
        Api api = demo.api();
        if (fault instanceof Fault.KillSwitchboard k) {
            if (k.during() == Fault.During.START) {
                awaitEnd(request(api, "stop"));
            }
            request(api, switch (k.during()) {
                case MOVE -> "move";
                case START -> "start";
                case STOP -> "stop";
            });
            Thread.sleep(k.delayMillis());
            demo.killSwitchboard();
            restartSwitchboard();
        } else if (fault instanceof Fault.KillApplication) {
            for (CampaignDemo.AppProcess app : demo.applications()) {
                demo.signal(app, "KILL");
            }
        } else if (fault instanceof Fault.FreezeApplication f) {
            List<CampaignDemo.AppProcess> apps = demo.applications();
            for (CampaignDemo.AppProcess app : apps) {
                demo.signal(app, "STOP");
            }
            Thread.sleep(f.millis());
            for (CampaignDemo.AppProcess app : apps) {
                demo.signal(app, "CONT");
            }
        } else if (fault instanceof Fault.HangingScript h) {
            demo.arm(h.script(), "hang");
            awaitEnd(request(api, "move"));
        } else if (fault instanceof Fault.FailingScript f) {
            demo.arm(f.script(), "fail");
            awaitEnd(request(api, "move"));
        } else if (fault instanceof Fault.ForeignListener) {
            awaitEnd(request(api, "stop"));
            ServerSocket foreign = listen();
            awaitEnd(request(api, "start"));
            return foreign == null ? NOTHING : foreign;
        } else if (fault instanceof Fault.ConcurrentOperators) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<String>> operators = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
                Api own = demo.api();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return accepted(own.post("/api/v1/groups/" + CampaignDemo.GROUP + "/move", null));
            })).toList();
            go.countDown();
            for (CompletableFuture<String> operator : operators) {
                awaitEnd(operator.get());
            }
        } else if (fault instanceof Fault.DiskFull) {
            Path filler = demo.fillDisk();
            try {
                awaitEnd(request(api, "move"));
            } finally {
                Files.deleteIfExists(filler);
            }
        }
        return NOTHING;
    }

    /**
     * The foreign listener on the floating address; null when the address is still taken (the
     * stop before it was refused or failed: the group still runs, and the start is then refused).
     */
    private ServerSocket listen() throws IOException {
        try {
            return new ServerSocket(demo.at.port(), 50, InetAddress.getByName(demo.at.floating()));
        } catch (BindException taken) {
            System.out.println("campaign: the floating address is still taken after the stop; no foreign listener this time");
            return null;
        }
    }

    /** Starts Switchboard again and waits for its API (a cold JVM on a loaded 2-core machine is slow). */
    void restartSwitchboard() throws Exception {
        demo.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!demo.api().get("/api/v1/groups").ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Switchboard did not answer within 120 s of its start; see " + demo.log());
            }
            Thread.sleep(200);
        }
    }

    /** POST of an operation on the group; answers the accepted operation's id or null (refused, busy). */
    String request(Api api, String what) {
        return accepted(api.post("/api/v1/groups/" + CampaignDemo.GROUP + "/" + what, null));
    }

    private String accepted(Api.Answer answer) {
        String id = Api.operationId(answer);
        invariants.accepted(id);
        return id;
    }

    /** Waits (bounded) until the operation has ended; a wedge is left for the invariants to find. */
    void awaitEnd(String id) throws InterruptedException, IOException {
        if (id == null) {
            return;
        }
        long deadline = System.nanoTime() + OPERATION_ENDS.toNanos();
        while (System.nanoTime() < deadline) {
            String state = demo.api().get("/api/v1/operations/" + id).body().path("operations").path(0)
                    .path("state").asString("");
            if (List.of("SUCCEEDED", "FAILED", "INTERRUPTED").contains(state)) {
                return;
            }
            Thread.sleep(200);
        }
    }
}
