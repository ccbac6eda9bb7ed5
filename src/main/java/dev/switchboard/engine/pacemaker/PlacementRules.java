package dev.switchboard.engine.pacemaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Evaluates a location constraint's rule against one node's attributes, as far as node attributes
 * decide it: {@code expression} (eq, ne, lt, gt, lte, gte, defined, not_defined; number or string
 * compare; {@code #uname}) joined by and/or, nested rules. A rule with anything else (dates, a
 * resource or operation expression) is not evaluated: its share stays "not explained".
 */
final class PlacementRules {

    private PlacementRules() {
    }

    /** Whether the rule applies on the node; empty when node attributes alone cannot say. */
    static Optional<Boolean> applies(Element rule, String node, Map<String, String> attributes) {
        boolean or = "or".equals(rule.getAttribute("boolean-op"));
        boolean result = !or;
        for (var child = rule.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element e)) {
                continue;
            }
            Optional<Boolean> part = switch (e.getTagName()) {
                case "expression" -> expression(e, node, attributes);
                case "rule" -> applies(e, node, attributes);
                default -> Optional.empty();
            };
            if (part.isEmpty()) {
                return Optional.empty();
            }
            result = or ? result || part.get() : result && part.get();
        }
        return Optional.of(result);
    }

    /** The rule's score on the node: its {@code score}, or the node attribute its {@code score-attribute} names. */
    static String score(Element rule, Map<String, String> attributes) {
        return rule.hasAttribute("score-attribute") ? attributes.getOrDefault(rule.getAttribute("score-attribute"), "0")
                : rule.getAttribute("score");
    }

    /** The rule in short words, "dc eq east and #uname ne srv3", for the reader to recognise it. */
    static String words(Element rule) {
        List<String> parts = new ArrayList<>();
        for (var child = rule.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                parts.add(switch (e.getTagName()) {
                    case "expression" -> (e.getAttribute("attribute") + " " + e.getAttribute("operation") + " "
                            + e.getAttribute("value")).strip();
                    case "rule" -> "(" + words(e) + ")";
                    default -> e.getTagName();
                });
            }
        }
        return String.join(" " + (rule.hasAttribute("boolean-op") ? rule.getAttribute("boolean-op") : "and") + " ",
                parts);
    }

    private static Optional<Boolean> expression(Element e, String node, Map<String, String> attributes) {
        String name = e.getAttribute("attribute");
        String actual = "#uname".equals(name) ? node : attributes.get(name);
        String expected = e.getAttribute("value");
        String operation = e.getAttribute("operation");
        if (!"".equals(e.getAttribute("value-source")) && !"literal".equals(e.getAttribute("value-source"))) {
            return Optional.empty(); // param/meta value sources depend on the resource
        }
        return switch (operation) {
            case "defined" -> Optional.of(actual != null);
            case "not_defined" -> Optional.of(actual == null);
            case "eq", "ne", "lt", "gt", "lte", "gte" -> Optional.of(actual != null
                    && compare(operation, actual, expected, e.getAttribute("type")));
            default -> Optional.empty();
        };
    }

    private static boolean compare(String operation, String actual, String expected, String type) {
        int order;
        boolean numbers = List.of("number", "integer").contains(type)
                || (type.isEmpty() && !List.of("eq", "ne").contains(operation));
        if (numbers) {
            try {
                order = Double.compare(Double.parseDouble(actual), Double.parseDouble(expected));
            } catch (NumberFormatException notNumbers) {
                order = actual.compareTo(expected);
            }
        } else {
            order = actual.compareTo(expected);
        }
        return switch (operation) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "lt" -> order < 0;
            case "gt" -> order > 0;
            case "lte" -> order <= 0;
            default -> order >= 0;
        };
    }
}
