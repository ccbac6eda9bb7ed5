package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.pacemaker.MovePairs.Move;
import dev.switchboard.engine.pacemaker.MovePairs.Pair;
import dev.switchboard.engine.pacemaker.MovePairs.Op;
import dev.switchboard.engine.pacemaker.MovePairs.StopPath;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move through Switchboard's Pacemaker engine against the same move by hand on the same lab,
 * paired: each pair is one move by hand ({@code crm_resource --move}, {@code crm_mon} every
 * 100 ms until the group is Started on the target, {@code crm_resource --clear}, as an operator
 * types them) and one through {@code moveGroup}, in the same direction, one move apart, the side
 * that goes first alternating from pair to pair. The overhead is taken per pair (Switchboard − by
 * hand), less the difference in the resource agents' own time, which the nodes' Pacemaker logs
 * give for each stop and start: that time is the agents' (the {@code anything} agent's stop
 * either finds CL/Web gone at its first look or sleeps a whole second, a race inside the node;
 * CL/Web starts slower on a busy machine), never the caller's. So what a move is compared with
 * never depends on its own duration, and a slower Switchboard always shows as overhead.
 * <p>
 * {@code -Dbenchmark.pairs=N} (at least 20) sets the number of pairs; {@code
 * -Dbenchmark.addDelay=500ms} sleeps that long inside every timed move through Switchboard (here
 * only, never in the engine) to show that the target fails. Writes target/benchmarks/pacemaker.md;
 * docs/benchmarks.md keeps the recorded results.
 */
class PacemakerMoveBenchmark {

    private static final String GROUP = "failover-clweb";
    private static final String LOG = "/var/log/pacemaker/pacemaker.log";
    private static final int MIN_PAIRS = 20;
    private static final Duration SETTLE = Duration.ofSeconds(1);

    @TempDir
    Path dataDir;

    @Test
    void switchboardAddsAtMostTenPercentToAMoveByHand() throws Exception {
        int pairCount = Integer.getInteger("benchmark.pairs", MIN_PAIRS);
        if (pairCount < MIN_PAIRS) {
            throw new IllegalArgumentException("benchmark.pairs " + pairCount + " is too few: the median and p95 need"
                    + " at least " + MIN_PAIRS + " pairs; leave it out or give " + MIN_PAIRS + " or more");
        }
        Duration addedDelay = MovePairs.delay(System.getProperty("benchmark.addDelay"));
        PacemakerLab.up();
        PacemakerCommands pcmk = PacemakerLab.commands();
        pcmk.run("srv1", "crm_resource", "--cleanup");
        PacemakerClusterEngine engine = new PacemakerClusterEngine(PacemakerLab.definition(dataDir), pcmk,
                Duration.ofSeconds(60), Duration.ofSeconds(1));
        engine.start();
        Consumer<String> byHand = target -> moveByHand(pcmk, target);
        Consumer<String> throughSwitchboard = target -> {
            engine.moveGroup(GROUP, target);
            sleep(addedDelay);
        };
        List<Pair> pairs = new ArrayList<>();
        String at = "srv1"; // where up.sh starts the group
        try {
            // blocks of four moves there, back, there, back make two pairs: the 1st and 3rd move
            // go one way, the 2nd and 4th the other; who goes first swaps within and between blocks
            for (int block = 0; pairs.size() < pairCount; block++) {
                boolean handFirst = block % 2 == 0;
                String there = other(at);
                Move m1 = timed(pcmk, handFirst ? byHand : throughSwitchboard, at, there);
                Move m2 = timed(pcmk, handFirst ? throughSwitchboard : byHand, there, at);
                Move m3 = timed(pcmk, handFirst ? throughSwitchboard : byHand, at, there);
                Move m4 = timed(pcmk, handFirst ? byHand : throughSwitchboard, there, at);
                pairs.add(handFirst ? new Pair(m1, m3, false) : new Pair(m3, m1, true));
                pairs.add(handFirst ? new Pair(m4, m2, true) : new Pair(m2, m4, false));
            }
        } finally {
            engine.close();
        }
        MovePairs all = new MovePairs(pairs);
        String report = report(all, addedDelay);
        Files.writeString(Files.createDirectories(Path.of("target/benchmarks")).resolve("pacemaker.md"), report);
        System.out.println(report);
        assertThat(all.targetPercent()).as("target: a move through Switchboard ≤ 10 %% slower than the same move by"
                        + " hand; measured a median overhead of %.3f s per pair (beyond the agents' own time) against a"
                        + " median move by hand of %.3f s", MovePairs.median(all.overheadsBeyondAgents()),
                        MovePairs.median(all.byHand()))
                .isLessThanOrEqualTo(MovePairs.TARGET_PERCENT);
    }

    /**
     * One move from {@code from} to {@code to}, its time, and the stops and starts it caused on
     * both nodes (their log lines past the last call each node's log had before); then a pause.
     */
    private static Move timed(PacemakerCommands pcmk, Consumer<String> move, String from, String to) {
        Map<String, Integer> lastCall = new HashMap<>();
        for (String node : List.of(from, to)) {
            lastCall.put(node, ops(pcmk, node).stream().mapToInt(Op::call).max().orElse(-1));
        }
        long began = System.nanoTime();
        move.accept(to);
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Op> ops = new ArrayList<>();
        for (String node : List.of(from, to)) {
            ops(pcmk, node).stream().filter(op -> op.call() > lastCall.get(node)).forEach(ops::add);
        }
        sleep(SETTLE); // let the monitors settle between moves
        return new Move(to, seconds, ops);
    }

    /** The members' finished starts and stops in the node's own Pacemaker log. */
    private static List<Op> ops(PacemakerCommands pcmk, String node) {
        return Op.in(pcmk.attempt(node, "grep", "-E", "(fip1|disk1|exec1) (start|stop) [(]call", LOG).stdout());
    }

    private static void moveByHand(PacemakerCommands pcmk, String target) {
        pcmk.run("srv1", "crm_resource", "--move", "--resource", GROUP, "--node", target);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            CrmMon.Group group = CrmMon.parse(pcmk.run("srv1", "crm_mon", "-1", "--output-as=xml").stdout())
                    .group(GROUP).orElseThrow();
            // what the operator reads: every member "Started" on the target (as the engine's wait)
            if (group.members().stream().allMatch(m -> m.state() == ActivationState.ONLINE && target.equals(m.node()))) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the move by hand to " + target + " did not finish within 60 s");
            }
            sleep(Duration.ofMillis(100));
        }
        pcmk.run("srv1", "crm_resource", "--clear", "--resource", GROUP);
    }

    private static String other(String node) {
        return node.equals("srv1") ? "srv2" : "srv1";
    }

    private static String report(MovePairs all, Duration addedDelay) throws Exception {
        StringBuilder kinds = new StringBuilder();
        for (StopPath path : StopPath.values()) {
            MovePairs kind = all.withStop(path);
            kinds.append(kind.size() == 0 ? "| both %s | 0 | | | | |%n".formatted(path)
                    : "| both %s | %d | %.3f s | %.3f s | %+.3f s | %+.3f s |%n".formatted(path, kind.size(),
                    MovePairs.median(kind.byHand()), MovePairs.median(kind.switchboard()),
                    MovePairs.median(kind.overheads()), MovePairs.median(kind.overheadsBeyondAgents())));
        }
        MovePairs mixed = new MovePairs(all.pairs().stream().filter(p -> !p.likeForLike()).toList());
        kinds.append("| mixed | %d | %.3f s | %.3f s | %+.3f s | %+.3f s |%n".formatted(mixed.size(),
                MovePairs.median(mixed.byHand()), MovePairs.median(mixed.switchboard()),
                MovePairs.median(mixed.overheads()), MovePairs.median(mixed.overheadsBeyondAgents())));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            Pair p = all.pairs().get(i);
            rows.append("| %d | → %s | %s | %s | %s | %+.3f s | %+.3f s |%n".formatted(i + 1, p.byHand().target(),
                    p.switchboardFirst() ? "Switchboard" : "by hand", cell(p.byHand()), cell(p.switchboard()),
                    p.overhead(), p.overheadBeyondAgents()));
        }
        return """
                ## Pacemaker engine: a move through Switchboard against the same move by hand

                %s, %s (%d cores), Java %s, the project's two-node lab (lab/pacemaker), %d pairs.%s
                Command: `mvn -Pbenchmark verify -Dit.test=PacemakerMoveBenchmark%s` (as root; it starts the lab).

                | %d pairs | median | p95 |
                |---|---|---|
                | move by hand | %.3f s | %.3f s |
                | move through Switchboard | %.3f s | %.3f s |
                | overhead per pair (Switchboard − by hand), as timed | %+.3f s | %+.3f s |
                | resource agents' time per pair (Switchboard's move − the move by hand's) | %+.3f s | %+.3f s |
                | **overhead per pair beyond the agents' time: the target, median ≤ 10 %% of the median by hand** | **%+.3f s = %+.1f %%** (%s) | %+.3f s |

                By the stop path of the `anything` agent in both moves of a pair (from the node's log):

                | pairs | n | by hand, median | through Switchboard, median | overhead, median | beyond the agents, median |
                |---|---|---|---|---|---|
                %s
                Every pair (direction, who went first; each move as timed, with its agents' time and exec1's stop path):

                | pair | move | first | by hand | through Switchboard | overhead | beyond the agents |
                |---|---|---|---|---|---|---|
                %s""".formatted(LocalDate.now(), InetAddress.getLocalHost().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), all.size(),
                addedDelay.isZero() ? "" : " **%d ms added to every move through Switchboard** (-Dbenchmark.addDelay)."
                        .formatted(addedDelay.toMillis()),
                addedDelay.isZero() ? "" : " -Dbenchmark.addDelay=" + addedDelay.toMillis() + "ms",
                all.size(), MovePairs.median(all.byHand()), MovePairs.p95(all.byHand()),
                MovePairs.median(all.switchboard()), MovePairs.p95(all.switchboard()),
                MovePairs.median(all.overheads()), MovePairs.p95(all.overheads()),
                MovePairs.median(all.agentDifferences()), MovePairs.p95(all.agentDifferences()),
                MovePairs.median(all.overheadsBeyondAgents()), all.targetPercent(), all.meetsTarget() ? "met" : "MISSED",
                MovePairs.p95(all.overheadsBeyondAgents()), kinds, rows);
    }

    private static String cell(Move move) {
        return "%.3f s (agents %.3f s, %s)".formatted(move.seconds(), move.agentSeconds(), move.stopPath());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
