package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.pacemaker.MovePairs.Move;
import dev.switchboard.engine.pacemaker.MovePairs.Pair;
import dev.switchboard.engine.pacemaker.MovePairs.Stop;
import dev.switchboard.engine.pacemaker.MovePairs.StopPath;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move through Switchboard's Pacemaker engine against the same move by hand on the same lab,
 * paired: each pair is one move by hand ({@code crm_resource --move}, {@code crm_mon} every
 * 100 ms until the group is Started on the target, {@code crm_resource --clear}, as an operator
 * types them) and one through {@code moveGroup}, in the same direction, one move apart, the side
 * that goes first alternating from pair to pair. Each move's stop path (see
 * {@link MovePairs.StopPath}) is read from the Pacemaker log of the node the group left, and the
 * target is checked on the pairs whose two moves took the same path: a move's own duration never
 * decides what it is compared with, so a slower Switchboard always shows as overhead.
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
    private static final int MIN_LIKE_FOR_LIKE = 8;
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
        MovePairs like = all.likeForLike();
        String report = report(all, addedDelay);
        Files.writeString(Files.createDirectories(Path.of("target/benchmarks")).resolve("pacemaker.md"), report);
        System.out.println(report);
        assertThat(like.size()).as("pairs whose two moves took the same stop path (of %d); rerun with more"
                + " -Dbenchmark.pairs", all.size()).isGreaterThanOrEqualTo(MIN_LIKE_FOR_LIKE);
        assertThat(like.overheadPercent()).as("target: the median overhead of a move through Switchboard over the same"
                        + " move by hand ≤ 10 %% of the median move by hand (like-for-like pairs); measured %.3f s over"
                        + " %.3f s", MovePairs.median(like.overheads()), MovePairs.median(like.byHand()))
                .isLessThanOrEqualTo(MovePairs.TARGET_PERCENT);
    }

    /** One move from {@code from} to {@code to}, its time, and the stop it caused on {@code from}; then a pause. */
    private static Move timed(PacemakerCommands pcmk, Consumer<String> move, String from, String to) {
        int before = lastStop(pcmk, from).map(Stop::call).orElse(-1);
        long began = System.nanoTime();
        move.accept(to);
        double seconds = (System.nanoTime() - began) / 1e9;
        Stop stop = lastStop(pcmk, from).filter(s -> s.call() != before).orElseThrow(() -> new AssertionError(
                "no new stop of exec1 in " + from + "'s " + LOG + " after the move to " + to));
        sleep(SETTLE); // let the monitors settle between moves
        return new Move(to, seconds, stop);
    }

    private static Optional<Stop> lastStop(PacemakerCommands pcmk, String node) {
        return StopPath.lastIn(pcmk.attempt(node, "grep", "-F", "exec1 stop (call", LOG).stdout());
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
        MovePairs like = all.likeForLike();
        StringBuilder kinds = new StringBuilder();
        for (StopPath path : StopPath.values()) {
            MovePairs kind = all.withStop(path);
            kinds.append(kind.size() == 0 ? "| %s | 0 | | | |%n".formatted(path)
                    : "| %s | %d | %.3f s | %.3f s | %+.3f s (%+.1f %%) |%n".formatted(path, kind.size(),
                    MovePairs.median(kind.byHand()), MovePairs.median(kind.switchboard()),
                    MovePairs.median(kind.overheads()), kind.overheadPercent()));
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            Pair p = all.pairs().get(i);
            rows.append("| %d | → %s | %s | %.3f s (%s, stop %d ms) | %.3f s (%s, stop %d ms) | %+.3f s |%n"
                    .formatted(i + 1, p.byHand().target(), p.switchboardFirst() ? "Switchboard" : "by hand",
                            p.byHand().seconds(), p.byHand().stop().path(), p.byHand().stop().millis(),
                            p.switchboard().seconds(), p.switchboard().stop().path(), p.switchboard().stop().millis(),
                            p.overhead()));
        }
        return """
                ## Pacemaker engine: a move through Switchboard against the same move by hand

                %s, %s (%d cores), Java %s, the project's two-node lab (lab/pacemaker), %d pairs.%s
                Command: `mvn -Pbenchmark verify -Dit.test=PacemakerMoveBenchmark%s` (as root; it starts the lab).

                | pairs | n | by hand, median | through Switchboard, median | overhead per pair, median | p95 | median overhead / median by hand |
                |---|---|---|---|---|---|---|
                | like-for-like (same stop path): **the target, ≤ 10 %%** | %d | %.3f s | %.3f s | %+.3f s | %+.3f s | **%+.1f %%** (%s) |
                | all | %d | %.3f s | %.3f s | %+.3f s | %+.3f s | %+.1f %% |

                Like-for-like pairs by stop path of the `anything` agent (from the node's pacemaker.log):

                | stop path | pairs | by hand, median | through Switchboard, median | overhead, median |
                |---|---|---|---|---|
                %s
                Every pair (direction, who went first, each move with its stop path and the stop's execution time):

                | pair | move | first | by hand | through Switchboard | overhead |
                |---|---|---|---|---|---|
                %s""".formatted(LocalDate.now(), InetAddress.getLocalHost().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), all.size(),
                addedDelay.isZero() ? "" : " **%d ms added to every move through Switchboard** (-Dbenchmark.addDelay)."
                        .formatted(addedDelay.toMillis()),
                addedDelay.isZero() ? "" : " -Dbenchmark.addDelay=" + addedDelay.toMillis() + "ms",
                like.size(), MovePairs.median(like.byHand()), MovePairs.median(like.switchboard()),
                MovePairs.median(like.overheads()), MovePairs.p95(like.overheads()), like.overheadPercent(),
                like.meetsTarget() ? "met" : "MISSED",
                all.size(), MovePairs.median(all.byHand()), MovePairs.median(all.switchboard()),
                MovePairs.median(all.overheads()), MovePairs.p95(all.overheads()), all.overheadPercent(),
                kinds, rows);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
