package dev.switchboard.engine.pacemaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic of {@link PacemakerMoveBenchmark}, apart so it can be checked without a lab:
 * moves paired by hand against through Switchboard, the overhead of each pair, and what the
 * resource agents did in each move, read from the nodes' Pacemaker logs. Nothing here looks at how
 * long a move took to decide which moves are compared.
 */
record MovePairs(List<Pair> pairs) {

    static final double TARGET_PERCENT = 10.0;

    /**
     * How the {@code anything} agent stopped CL/Web on the node the group left: it sends TERM and
     * looks at once; if the process is still there it sleeps a whole second before it looks again.
     * Which one happens is a race inside the node, not something the caller of the move decides.
     */
    enum StopPath {
        FIRST_LOOK, WAITED;

        /** The agent's only sleep between TERM and its second look is "sleep 1". */
        static StopPath of(Op stop) {
            return stop.millis() < 1000 ? FIRST_LOOK : WAITED;
        }
    }

    /**
     * A start or stop of one of the group's members as pacemaker-execd logged it when the agent
     * finished: its call number on that node and how long the agent ran.
     */
    record Op(String resource, String action, int call, long millis) {

        private static final Pattern FINISHED = Pattern.compile("\\b(fip1|disk1|exec1) (start|stop) \\(call (\\d+),"
                + " PID \\d+\\) exited with status \\d+ \\(execution time ([0-9.]+)(ms|s)\\b");

        /** Every finished start and stop of a member in these log lines, in order. */
        static List<Op> in(String log) {
            List<Op> ops = new ArrayList<>();
            Matcher m = FINISHED.matcher(log);
            while (m.find()) {
                ops.add(new Op(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                        Math.round(Double.parseDouble(m.group(4)) * (m.group(5).equals("s") ? 1000 : 1))));
            }
            return ops;
        }
    }

    /**
     * One timed move: where to, how long from the first command to the constraint cleared, and
     * the members' stops and starts it caused on both nodes (from their logs).
     */
    record Move(String target, double seconds, List<Op> ops) {

        Move {
            ops = List.copyOf(ops);
            if (ops.stream().noneMatch(Move::exec1Stop)) {
                throw new IllegalArgumentException("no stop of exec1 among the operations of the move to " + target
                        + ": " + ops);
            }
        }

        StopPath stopPath() {
            return StopPath.of(ops.stream().filter(Move::exec1Stop).reduce((a, b) -> b).orElseThrow());
        }

        /** How long the resource agents ran, one after the other: the group's members stop and start in order. */
        double agentSeconds() {
            return ops.stream().mapToLong(Op::millis).sum() / 1000.0;
        }

        /** The rest: Pacemaker deciding and the caller giving the order and seeing the result. */
        double beyondAgents() {
            return seconds - agentSeconds();
        }

        private static boolean exec1Stop(Op op) {
            return op.resource().equals("exec1") && op.action().equals("stop");
        }
    }

    /** The same move (same direction) once by hand and once through Switchboard. */
    record Pair(Move byHand, Move switchboard, boolean switchboardFirst) {

        Pair {
            if (!byHand.target().equals(switchboard.target())) {
                throw new IllegalArgumentException("a pair moves the same way: " + byHand + " / " + switchboard);
            }
        }

        /** Switchboard − by hand, as timed. */
        double overhead() {
            return switchboard.seconds() - byHand.seconds();
        }

        /**
         * Switchboard − by hand without the agents' own time, which neither side decides (the
         * stop race, a slow start of CL/Web on a busy machine): what the target is checked on.
         */
        double overheadBeyondAgents() {
            return switchboard.beyondAgents() - byHand.beyondAgents();
        }

        /** Both agents took the same stop path. */
        boolean likeForLike() {
            return byHand.stopPath() == switchboard.stopPath();
        }
    }

    /** The pairs whose moves took the same stop path: where the target is checked. */
    MovePairs likeForLike() {
        return new MovePairs(pairs.stream().filter(Pair::likeForLike).toList());
    }

    MovePairs withStop(StopPath path) {
        return new MovePairs(pairs.stream().filter(p -> p.likeForLike() && p.byHand().stopPath() == path).toList());
    }

    int size() {
        return pairs.size();
    }

    List<Double> overheads() {
        return pairs.stream().map(Pair::overhead).toList();
    }

    List<Double> byHand() {
        return pairs.stream().map(p -> p.byHand().seconds()).toList();
    }

    List<Double> switchboard() {
        return pairs.stream().map(p -> p.switchboard().seconds()).toList();
    }

    /** How much longer the agents ran in the move through Switchboard than in the move by hand. */
    List<Double> agentDifferences() {
        return pairs.stream().map(p -> p.switchboard().agentSeconds() - p.byHand().agentSeconds()).toList();
    }

    List<Double> overheadsBeyondAgents() {
        return pairs.stream().map(Pair::overheadBeyondAgents).toList();
    }

    /** The median overhead as timed, as a share of the median move by hand, in per cent. */
    double overheadPercent() {
        return median(overheads()) / median(byHand()) * 100;
    }

    /** The median overhead beyond the agents, as a share of the median move by hand (as timed), in per cent. */
    double targetPercent() {
        return median(overheadsBeyondAgents()) / median(byHand()) * 100;
    }

    /** The target: the median overhead (beyond the agents) is at most 10 % of the median move by hand. */
    boolean meetsTarget() {
        return targetPercent() <= TARGET_PERCENT;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest rank: the smallest value at least 95 % of the values are not above. */
    static double p95(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    /**
     * The value of {@code -Dbenchmark.addDelay}: {@code 500ms}, {@code 0.5s} or {@code 0}; the
     * pause added to every move through Switchboard to show that the target can fail.
     */
    static Duration delay(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)?").matcher(value.strip());
        if (!m.matches() || (m.group(2) == null && Double.parseDouble(m.group(1)) != 0)) {
            throw new IllegalArgumentException("benchmark.addDelay '" + value
                    + "' is not a duration: write it as 500ms or 0.5s (0 adds nothing)");
        }
        double millis = Double.parseDouble(m.group(1)) * ("s".equals(m.group(2)) ? 1000 : 1);
        return Duration.ofNanos(Math.round(millis * 1e6));
    }
}
