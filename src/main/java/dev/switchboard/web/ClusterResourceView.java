package dev.switchboard.web;

import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.NameNotFound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One resource of the whole-cluster inventory, for its page: what it is, where its instances are
 * and in which role, what holds it (a group, a clone), its members, and its failures (its own and
 * its members').
 */
record ClusterResourceView(ClusterInventory inventory, Item item, Item parent, List<InstanceLine> instances,
                           List<ClusterView.FailCount> failCounts, List<ClusterView.FailedActionLine> failedActions) {

    /** One instance, with the resource it belongs to (a clone's child, a group's member). */
    record InstanceLine(String resource, ClusterMatrix.Mark mark, String node) {
    }

    static ClusterResourceView of(ClusterInventory inventory, String id) {
        Item item = inventory.resource(id).orElseThrow(() -> new NameNotFound("resource", id));
        Item parent = parentOf(inventory, id).orElse(null);
        List<InstanceLine> instances = item.selfAndDescendants().flatMap(r -> r.instances().stream()
                .map(i -> line(r, i))).toList();
        Set<String> ids = item.selfAndDescendants().map(Item::id).collect(Collectors.toSet());
        return new ClusterResourceView(inventory, item, parent, instances, ClusterView.failCounts(List.of(item)),
                ClusterView.failedActions(inventory.failedActions().stream().filter(a -> ids.contains(a.resource()))
                        .toList()));
    }

    private static InstanceLine line(Item resource, Instance instance) {
        return new InstanceLine(resource.id(), ClusterMatrix.mark(instance), instance.node());
    }

    private static Optional<Item> parentOf(ClusterInventory inventory, String id) {
        return inventory.resources().stream().flatMap(Item::selfAndDescendants)
                .filter(r -> r.children().stream().anyMatch(c -> c.id().equals(id))).findFirst();
    }

    /** The latest fencing actions, for a fencing device's page. */
    public List<ClusterView.FencingLine> fencing() {
        return ClusterView.fencingLatestFirst(inventory.fencing());
    }

    Map<String, Object> asModel() {
        return Map.of("resourceView", this, "item", item, "inventory", inventory);
    }
}
