package dev.switchboard.engine;

import dev.switchboard.Translatable;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a group or resource runs where it does, in the cluster manager's own numbers: per node the
 * score its scheduler gave and the causes Switchboard found for it (each a text with its number),
 * and, where the causes do not add up to the score, the rest said as not explained. Never a cause
 * that was not found.
 *
 * @param name      the group or resource asked about
 * @param kind      what it is: group, primitive, clone or promotable
 * @param runningOn the nodes it runs on now (one for a group or primitive, any number for a clone)
 * @param nodes     one entry per node of the cluster, in the cluster's order
 */
public record Placement(String name, String kind, List<String> runningOn, List<NodeScore> nodes) {

    public Placement {
        runningOn = List.copyOf(runningOn);
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeScore> node(String node) {
        return nodes.stream().filter(n -> n.node().equals(node)).findFirst();
    }

    /**
     * One node's score and its causes.
     *
     * @param promotion        for a promotable clone, the node's promotion score; null otherwise
     * @param promotionReasons the causes of the promotion score
     */
    public record NodeScore(String node, Score score, List<Reason> reasons, boolean runsHere,
                            @Nullable Score promotion, List<Reason> promotionReasons) {

        public NodeScore {
            reasons = List.copyOf(reasons);
            promotionReasons = List.copyOf(promotionReasons);
        }

        /** "200 = stickiness 100 (fip1 runs here) + location prefer-srv1 100", in the reader's language. */
        public Translatable explanation() {
            return sum(score, reasons);
        }

        public Optional<Translatable> promotionExplanation() {
            return promotion == null ? Optional.empty() : Optional.of(sum(promotion, promotionReasons));
        }

        private static Translatable sum(Score total, List<Reason> reasons) {
            if (reasons.isEmpty()) {
                return Translatable.of("placement.noCause", total.text());
            }
            Translatable joined = reasons.get(0).text();
            for (Reason next : reasons.subList(1, reasons.size())) {
                joined = Translatable.of("placement.plus", joined, next.text());
            }
            return Translatable.of("placement.equals", total.text(), joined);
        }
    }

    /**
     * One cause: its words (which carry the number) and its amount, or no amount for a note that
     * decides without a number (a node in standby runs nothing whatever its score).
     */
    public record Reason(Translatable text, @Nullable Score amount) {
    }

    /**
     * A score as Pacemaker counts: whole numbers that saturate at ±1,000,000, which it writes as
     * INFINITY and -INFINITY; -INFINITY wins over INFINITY.
     */
    public record Score(long value) {

        public static final long INFINITY = 1_000_000;
        public static final Score ZERO = new Score(0);
        public static final Score PLUS_INFINITY = new Score(INFINITY);
        public static final Score MINUS_INFINITY = new Score(-INFINITY);

        public Score {
            value = Math.max(-INFINITY, Math.min(INFINITY, value));
        }

        /** "INFINITY", "+INFINITY", "-INFINITY" or a whole number. */
        public static Score parse(String text) {
            String t = text == null ? "" : text.strip().toUpperCase();
            return switch (t) {
                case "INFINITY", "+INFINITY" -> PLUS_INFINITY;
                case "-INFINITY" -> MINUS_INFINITY;
                default -> {
                    try {
                        yield new Score(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "' is no score: a whole number, INFINITY or"
                                + " -INFINITY");
                    }
                }
            };
        }

        public Score plus(Score other) {
            if (value == -INFINITY || other.value == -INFINITY) {
                return MINUS_INFINITY;
            }
            if (value == INFINITY || other.value == INFINITY) {
                return PLUS_INFINITY;
            }
            return new Score(value + other.value);
        }

        public boolean infinite() {
            return Math.abs(value) == INFINITY;
        }

        /** As Pacemaker writes it: "INFINITY", "-INFINITY" or the number. */
        public String text() {
            return value == INFINITY ? "INFINITY" : value == -INFINITY ? "-INFINITY" : Long.toString(value);
        }

        /** For JSON: the number, or the string "INFINITY"/"-INFINITY". */
        public Object json() {
            return infinite() ? text() : (Object) value;
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
