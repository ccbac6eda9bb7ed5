package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.Placement;
import dev.switchboard.engine.Placement.NodeScore;
import dev.switchboard.engine.Placement.Reason;
import dev.switchboard.engine.Placement.Score;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decomposes each node's score from Pacemaker's scheduler ({@link PlacementScores}) into the causes
 * the CIB shows ({@link PlacementCib}): stickiness where it runs, location constraints (bans and
 * moves among them, rules on node attributes), colocations, a fail count at migration-threshold,
 * a node in standby, maintenance or offline, and for a promotable clone the promotion attribute.
 * What the causes found do not add up to is said as not explained, never attributed.
 */
final class PlacementReasons {

    private final PlacementCib cib;
    private final PlacementScores scores;

    PlacementReasons(PlacementCib cib, PlacementScores scores) {
        this.cib = cib;
        this.scores = scores;
    }

    /** @throws NameNotFound naming the groups and resources there are */
    Placement explain(String name) {
        PlacementCib.Rsc asked = cib.resource(name).orElseThrow(() -> new NameNotFound("group or resource", name,
                cib.resources().keySet()));
        PlacementCib.Rsc target = asked;
        if (asked.parent() != null && cib.resource(asked.parent()).map(p -> p.kind().endsWith("clone")
                || p.kind().equals("promotable")).orElse(false)) {
            target = cib.resource(asked.parent()).orElseThrow(); // a clone's primitive is placed as its clone
        }
        List<String> primitives = primitivesOf(target);
        String placer = primitives.isEmpty() ? target.id() : primitives.get(0);
        List<String> runningOn = nodesRunning(placer, "");
        List<NodeScore> nodes = new ArrayList<>();
        for (PlacementScores.Node node : scores.nodes()) {
            nodes.add(nodeScore(target, primitives, placer, node, runningOn.contains(node.name())));
        }
        return new Placement(asked.id(), target.kind(), runningOn, nodes);
    }

    private NodeScore nodeScore(PlacementCib.Rsc target, List<String> primitives, String placer,
                                PlacementScores.Node node, boolean runsHere) {
        Score score = score(target, placer, node.name());
        boolean promotable = target.kind().equals("promotable");
        Score promotion = promotable ? promotionScore(placer, node.name()) : null;
        List<Reason> promotionReasons = promotion == null ? List.of() : promotionReasons(target, placer, node.name(),
                promotion);
        Translatable unavailable = unavailable(node);
        if (unavailable != null) {
            return new NodeScore(node.name(), score, List.of(new Reason(unavailable, null)), runsHere, promotion,
                    promotionReasons);
        }
        List<Reason> reasons = new ArrayList<>();
        Set<String> members = new LinkedHashSet<>(primitives);
        members.add(target.id());
        List<String> sticky = primitives;
        var group = target.parent() == null ? null : cib.resource(target.parent()).filter(g -> g.kind().equals("group"))
                .orElse(null);
        if (group != null) {
            // a group's member carries the members after it; the group's own constraints go to its first member
            sticky = group.members().subList(group.members().indexOf(target.id()), group.members().size());
            if (group.members().indexOf(target.id()) == 0) {
                members.add(group.id());
            }
        } else if (target.parent() != null) {
            members.add(target.parent());
        }
        for (String p : sticky) {
            if (!nodesRunning(p, "").contains(node.name())) {
                continue;
            }
            cib.meta(p, "resource-stickiness").or(() -> cib.meta(p, "resource_stickiness")).map(Score::parse)
                    .filter(s -> s.value() != 0)
                    .ifPresent(s -> reasons.add(new Reason(Translatable.of("placement.reason.stickiness", s.text(), p),
                            s)));
        }
        if (promotable && runsHere) {
            promotionAttribute(placer, node.name()).ifPresent(reasons::add);
        }
        for (PlacementCib.Location l : cib.locations()) {
            if (members.contains(l.rsc()) && !promotedRole(l.role())) {
                location(l, node.name()).ifPresent(reasons::add);
            }
        }
        for (PlacementCib.Colocation c : cib.colocations()) {
            if (members.contains(c.rsc()) && !promotedRole(c.rscRole())) {
                colocation(c, node.name()).ifPresent(reasons::add);
            }
        }
        groupOrder(target, node.name()).ifPresent(reasons::add);
        for (String p : primitives) {
            failCount(p, node.name()).ifPresent(reasons::add);
        }
        return new NodeScore(node.name(), score, withRemainder(score, reasons), runsHere, promotion, promotionReasons);
    }

    /** The node's score for the target: a primitive's own, a group's first member's, a clone's best instance's. */
    private Score score(PlacementCib.Rsc target, String placer, String node) {
        if (target.kind().equals("clone") || target.kind().equals("promotable")) {
            return scores.instances(placer).stream().map(i -> scores.scores("primitive_assign", i).get(node))
                    .filter(s -> s != null).max((a, b) -> Long.compare(a.value(), b.value()))
                    .orElse(scores.scores("clone_allocate", target.id()).getOrDefault(node, Score.ZERO));
        }
        return scores.scores("primitive_assign", placer).getOrDefault(node, Score.ZERO);
    }

    private @Nullable Score promotionScore(String primitive, String node) {
        return scores.promotions().stream().filter(p -> p.node().equals(node)
                        && (p.id().equals(primitive) || p.id().startsWith(primitive + ":")))
                .map(PlacementScores.Promotion::score).findFirst().orElse(null);
    }

    private List<Reason> promotionReasons(PlacementCib.Rsc target, String primitive, String node, Score promotion) {
        List<Reason> reasons = new ArrayList<>();
        promotionAttribute(primitive, node).ifPresent(reasons::add);
        for (PlacementCib.Location l : cib.locations()) {
            if ((l.rsc().equals(target.id()) || l.rsc().equals(primitive)) && promotedRole(l.role())) {
                location(l, node).ifPresent(reasons::add);
            }
        }
        return withRemainder(promotion, reasons);
    }

    /** The resource agent's own preference for promotion: the node attribute master-<primitive>. */
    private Optional<Reason> promotionAttribute(String primitive, String node) {
        String name = "master-" + primitive;
        String value = cib.attributesOf(node).get(name);
        if (value == null) {
            return Optional.empty();
        }
        Score s = Score.parse(value);
        return Optional.of(new Reason(Translatable.of("placement.reason.promotionAttribute", name, s.text()), s));
    }

    private Optional<Reason> location(PlacementCib.Location l, String node) {
        if (!l.byRules()) {
            if (!l.node().equals(node)) {
                return Optional.empty();
            }
            Score s = Score.parse(l.score());
            String key = l.id().startsWith("cli-ban-") ? "placement.reason.ban"
                    : l.id().startsWith("cli-prefer-") ? "placement.reason.prefer" : "placement.reason.location";
            return Optional.of(new Reason(Translatable.of(key, l.id(), s.text()), s));
        }
        Map<String, String> attributes = cib.attributesOf(node);
        for (var rule : l.rules()) {
            if (PlacementRules.applies(rule, node, attributes).orElse(false)) {
                Score s = Score.parse(PlacementRules.score(rule, attributes));
                return Optional.of(new Reason(Translatable.of("placement.reason.locationRule", l.id(), s.text(),
                        PlacementRules.words(rule)), s));
            }
        }
        return Optional.empty();
    }

    /**
     * With a resource where it runs now: its score where that runs; a mandatory one (INFINITY) adds
     * nothing where that runs (Pacemaker counts 0 there) and forbids the other nodes.
     */
    private Optional<Reason> colocation(PlacementCib.Colocation c, String node) {
        Score s = Score.parse(c.score());
        String withPlacer = cib.resource(c.withRsc()).map(r -> primitivesOf(r).isEmpty() ? r.id()
                : primitivesOf(r).get(0)).orElse(c.withRsc());
        List<String> there = nodesRunning(withPlacer, promotedRole(c.withRole()) ? "Promoted" : "");
        if (there.contains(node) && s.value() == Score.INFINITY) {
            return Optional.of(new Reason(Translatable.of("placement.reason.colocationAllowed", c.id(), c.withRsc()),
                    Score.ZERO));
        }
        if (there.contains(node)) {
            return Optional.of(new Reason(Translatable.of("placement.reason.colocation", c.id(), c.withRsc(),
                    s.text()), s));
        }
        if (s.value() == Score.INFINITY) {
            return Optional.of(new Reason(Translatable.of("placement.reason.colocationElsewhere", c.id(),
                    c.withRsc(), there.isEmpty() ? "-" : String.join(", ", there)), Score.MINUS_INFINITY));
        }
        return Optional.empty();
    }

    /** A group's later member runs where the member before it runs. */
    private Optional<Reason> groupOrder(PlacementCib.Rsc target, String node) {
        if (target.parent() == null) {
            return Optional.empty();
        }
        var group = cib.resource(target.parent()).filter(g -> g.kind().equals("group")).orElse(null);
        int at = group == null ? -1 : group.members().indexOf(target.id());
        if (at <= 0) {
            return Optional.empty();
        }
        String before = group.members().get(at - 1);
        List<String> there = nodesRunning(before, "");
        return there.isEmpty() || there.contains(node) ? Optional.empty()
                : Optional.of(new Reason(Translatable.of("placement.reason.groupMember", group.id(), before,
                String.join(", ", there)), Score.MINUS_INFINITY));
    }

    private Optional<Reason> failCount(String primitive, String node) {
        int failures = cib.failCount(primitive, node);
        if (failures == 0) {
            return Optional.empty();
        }
        Score threshold = cib.meta(primitive, "migration-threshold").map(Score::parse).orElse(Score.PLUS_INFINITY);
        String count = Score.parse(Integer.toString(failures)).text();
        if (threshold.value() > 0 && failures >= threshold.value()) {
            return Optional.of(new Reason(Translatable.of("placement.reason.failCount", count, threshold.text(),
                    primitive), Score.MINUS_INFINITY));
        }
        return Optional.of(new Reason(Translatable.of("placement.reason.failCountBelow", count,
                threshold.text(), primitive), null));
    }

    private static @Nullable Translatable unavailable(PlacementScores.Node node) {
        if (node.unclean()) {
            return Translatable.of("placement.reason.unclean");
        }
        if (!node.online()) {
            return Translatable.of("placement.reason.offline");
        }
        if (node.standby()) {
            return Translatable.of("placement.reason.standby");
        }
        return node.maintenance() ? Translatable.of("placement.reason.maintenance") : null;
    }

    /** The causes, and what they leave of Pacemaker's number unexplained, if anything. */
    static List<Reason> withRemainder(Score score, List<Reason> reasons) {
        Score found = Score.ZERO;
        for (Reason r : reasons) {
            if (r.amount() != null) {
                found = found.plus(r.amount());
            }
        }
        if (found.equals(score)) {
            return List.copyOf(reasons);
        }
        List<Reason> all = new ArrayList<>(reasons);
        if (!score.infinite() && !found.infinite()) {
            Score rest = new Score(score.value() - found.value());
            all.add(new Reason(Translatable.of("placement.reason.unexplained", rest.text()), rest));
        } else if (score.infinite() && !found.infinite()) {
            all.add(new Reason(Translatable.of("placement.reason.unexplained", score.text()), score));
        } else {
            all.add(new Reason(Translatable.of("placement.reason.mismatch", found.text(), score.text()), null));
        }
        return List.copyOf(all);
    }

    private List<String> primitivesOf(PlacementCib.Rsc r) {
        if (r.kind().equals("primitive")) {
            return List.of(r.id());
        }
        List<String> all = new ArrayList<>();
        for (String member : r.members()) {
            cib.resource(member).ifPresent(m -> all.addAll(primitivesOf(m)));
        }
        return all;
    }

    /** The nodes the primitive (or any instance of it) is active on, in the role given ("" for any). */
    private List<String> nodesRunning(String primitive, String role) {
        return scores.running().stream().filter(r -> r.id().equals(primitive) || r.id().startsWith(primitive + ":"))
                .filter(r -> role.isEmpty() || promotedRole(r.role()) == promotedRole(role))
                .map(PlacementScores.Running::node).distinct().toList();
    }

    private static boolean promotedRole(String role) {
        return "Promoted".equalsIgnoreCase(role) || "Master".equalsIgnoreCase(role);
    }
}
