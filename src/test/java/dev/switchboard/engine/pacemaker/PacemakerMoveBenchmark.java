package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ActivationState;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move through Switchboard's Pacemaker engine against the same move by hand on the same lab,
 * in one run, interleaved: by hand is {@code crm_resource --move}, polling crm_mon every 100 ms
 * until the group is Started on the target, then {@code crm_resource --clear}; Switchboard does
 * the same through {@code moveGroup} (plus the CIB it reads with every poll and its events).
 * Writes target/benchmarks/pacemaker.md; docs/benchmarks.md keeps the recorded results.
 */
class PacemakerMoveBenchmark {

    private static final String GROUP = "failover-clweb";
    private static final int ROUNDS = 12;
    private static final double SLOW_MOVE = 1.4;

    @TempDir
    Path dataDir;

    @Test
    void switchboardAddsAtMostTenPercentToAMoveByHand() throws Exception {
        PacemakerLab.up();
        PacemakerLab.commands().run("srv1", "crm_resource", "--cleanup");
        PacemakerClusterEngine engine = new PacemakerClusterEngine(PacemakerLab.definition(dataDir),
                PacemakerLab.commands(), Duration.ofSeconds(60), Duration.ofSeconds(1));
        engine.start();
        List<Double> byHand = new ArrayList<>();
        List<Double> bySwitchboard = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                for (String target : List.of("srv2", "srv1")) {
                    byHand.add(seconds(() -> moveByHand(target)));
                }
                for (String target : List.of("srv2", "srv1")) {
                    bySwitchboard.add(seconds(() -> engine.moveGroup(GROUP, target)));
                }
            }
        } finally {
            engine.close();
        }
        double hand = median(byHand);
        double switchboard = median(bySwitchboard);
        double overhead = overhead(hand, switchboard);
        // the anything agent's stop waits a whole second unless the process is reaped at its
        // first look, so moves take about 0.9 s or about 1.9 s; compare within each kind too
        List<Double> handFast = below(byHand, SLOW_MOVE);
        List<Double> switchboardFast = below(bySwitchboard, SLOW_MOVE);
        List<Double> handSlow = atLeast(byHand, SLOW_MOVE);
        List<Double> switchboardSlow = atLeast(bySwitchboard, SLOW_MOVE);
        String report = """
                ## Pacemaker engine: a move through Switchboard against a move by hand

                %s, %s (%d cores), Java %s, the project's two-node lab (lab/pacemaker), %d moves each,
                interleaved (two by hand, then two through Switchboard, %d rounds). Command:
                `mvn -Pbenchmark verify -Dit.test=PacemakerMoveBenchmark` (as root; it starts the lab).

                | move srv1 ⇄ srv2, from the command to the group Started and the constraint cleared | median | min | max |
                |---|---|---|---|
                | by hand (`crm_resource --move`, poll `crm_mon` every 100 ms, `crm_resource --clear`) | %.3f s | %.3f s | %.3f s |
                | through Switchboard (`PacemakerClusterEngine.moveGroup`) | %.3f s | %.3f s | %.3f s |

                Difference of the overall medians: %.1f %%.

                The moves fall in two kinds: the `anything` agent's stop sends TERM, looks once, and if
                the process is not gone yet waits a whole second. Which kind a move is depends on that
                race, not on who asked for the move, so the overall median above only says how many fast
                moves each side happened to draw (it swings between about -25 %% and +100 %% from run to
                run). The target (≤ 10 %%) is checked within each kind:

                | kind | by hand (n, median) | through Switchboard (n, median) | overhead |
                |---|---|---|---|
                | fast (< %.1f s) | %d, %.3f s | %d, %.3f s | %.1f %% |
                | slow (≥ %.1f s) | %d, %.3f s | %d, %.3f s | %.1f %% |
                """.formatted(LocalDate.now(), InetAddress.getLocalHost().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), byHand.size(), ROUNDS,
                hand, min(byHand), max(byHand), switchboard, min(bySwitchboard), max(bySwitchboard), overhead,
                SLOW_MOVE, handFast.size(), median(handFast), switchboardFast.size(), median(switchboardFast),
                overhead(median(handFast), median(switchboardFast)),
                SLOW_MOVE, handSlow.size(), median(handSlow), switchboardSlow.size(), median(switchboardSlow),
                overhead(median(handSlow), median(switchboardSlow)));
        Files.writeString(Files.createDirectories(Path.of("target/benchmarks")).resolve("pacemaker.md"), report);
        System.out.println(report + "\nby hand: " + byHand + "\nthrough Switchboard: " + bySwitchboard);
        // the overall median measures how many fast moves each side drew; the target holds within a kind
        assertThat(Math.max(Math.min(handFast.size(), switchboardFast.size()),
                Math.min(handSlow.size(), switchboardSlow.size()))).as("moves of one kind on both sides").isGreaterThanOrEqualTo(3);
        if (handFast.size() >= 3 && switchboardFast.size() >= 3) {
            assertThat(overhead(median(handFast), median(switchboardFast))).as("target: a fast move through Switchboard"
                    + " ≤ 10 %% slower than by hand; measured medians %.3f s by hand, %.3f s through Switchboard",
                    median(handFast), median(switchboardFast))
                    .isLessThanOrEqualTo(10.0);
        }
        if (handSlow.size() >= 3 && switchboardSlow.size() >= 3) {
            assertThat(overhead(median(handSlow), median(switchboardSlow))).as("target: a slow move through Switchboard"
                    + " ≤ 10 %% slower than by hand; measured medians %.3f s by hand, %.3f s through Switchboard",
                    median(handSlow), median(switchboardSlow))
                    .isLessThanOrEqualTo(10.0);
        }
    }

    private static double overhead(double hand, double switchboard) {
        return (switchboard - hand) / hand * 100;
    }

    private static List<Double> below(List<Double> values, double limit) {
        return values.stream().filter(v -> v < limit).toList();
    }

    private static List<Double> atLeast(List<Double> values, double limit) {
        return values.stream().filter(v -> v >= limit).toList();
    }

    private static void moveByHand(String target) {
        PacemakerCommands pcmk = PacemakerLab.commands();
        pcmk.run("srv1", "crm_resource", "--move", "--resource", GROUP, "--node", target);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            CrmMon.Group group = CrmMon.parse(pcmk.run("srv1", "crm_mon", "-1", "--output-as=xml").stdout())
                    .group(GROUP).orElseThrow();
            if (group.state() == ActivationState.ONLINE && group.node().filter(target::equals).isPresent()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the move by hand to " + target + " did not finish within 60 s");
            }
            sleep(100);
        }
        pcmk.run("srv1", "crm_resource", "--clear", "--resource", GROUP);
    }

    private static double seconds(Runnable move) {
        long began = System.nanoTime();
        move.run();
        double took = (System.nanoTime() - began) / 1e9;
        sleep(1000); // let the monitors settle between moves
        return took;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
