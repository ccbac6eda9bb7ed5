package dev.switchboard.engine.pacemaker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic of {@link PacemakerMoveBenchmark}, apart so it can be checked without a lab:
 * moves paired by hand against through Switchboard, the overhead of each pair, and the stop path
 * each move's {@code anything} agent took, read from the node's Pacemaker log. Nothing here looks
 * at how long a move took to decide which moves are compared.
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

        private static final Pattern FINISHED = Pattern.compile(
                "exec1 stop \\(call (\\d+), PID \\d+\\) exited with status \\d+ \\(execution time ([0-9.]+)(ms|s)\\)");

        /** The path of the last stop of exec1 in these log lines, with its call number. */
        static Optional<Stop> lastIn(String log) {
            Stop last = null;
            Matcher m = FINISHED.matcher(log);
            while (m.find()) {
                long millis = Math.round(Double.parseDouble(m.group(2)) * (m.group(3).equals("s") ? 1000 : 1));
                // the agent's only sleep between TERM and its second look is "sleep 1"
                last = new Stop(Integer.parseInt(m.group(1)), millis < 1000 ? FIRST_LOOK : WAITED, millis);
            }
            return Optional.ofNullable(last);
        }
    }

    /** One stop of exec1 as pacemaker-execd logged it. */
    record Stop(int call, StopPath path, long millis) {
    }

    /** One timed move: where to, how long from the first command to the constraint cleared, and its stop. */
    record Move(String target, double seconds, Stop stop) {
    }

    /** The same move (same direction) once by hand and once through Switchboard. */
    record Pair(Move byHand, Move switchboard, boolean switchboardFirst) {

        Pair {
            if (!byHand.target().equals(switchboard.target())) {
                throw new IllegalArgumentException("a pair moves the same way: " + byHand + " / " + switchboard);
            }
        }

        double overhead() {
            return switchboard.seconds() - byHand.seconds();
        }

        /** Both agents took the same stop path, so the difference is Switchboard's alone. */
        boolean likeForLike() {
            return byHand.stop().path() == switchboard.stop().path();
        }
    }

    /** The pairs whose moves took the same stop path: where the target is checked. */
    MovePairs likeForLike() {
        return new MovePairs(pairs.stream().filter(Pair::likeForLike).toList());
    }

    MovePairs withStop(StopPath path) {
        return new MovePairs(pairs.stream().filter(p -> p.likeForLike() && p.byHand().stop().path() == path).toList());
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

    /** The median overhead as a share of the median move by hand, in per cent. */
    double overheadPercent() {
        return median(overheads()) / median(byHand()) * 100;
    }

    boolean meetsTarget() {
        return overheadPercent() <= TARGET_PERCENT;
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
