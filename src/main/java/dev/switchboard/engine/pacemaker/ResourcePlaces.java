package dev.switchboard.engine.pacemaker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Where each resource of any kind is active and in which role, and which nodes are online, from
 * one {@code crm_mon --output-as=xml}: what an operation on any resource waits for. A group's,
 * clone's or bundle's places are those of its members.
 *
 * @param nodes  every node by name, with whether it is online and not in standby
 * @param places every active instance, as (resource id, enclosing ids, node, role)
 * @param promotable the ids of the promotable clones (crm_mon's multi_state)
 */
record ResourcePlaces(Map<String, Boolean> nodes, List<Place> places, Set<String> promotable) {

    /** One active instance of a primitive: its id, the ids of the group, clone or bundle around it. */
    record Place(String resource, List<String> enclosing, String node, String role) {

        boolean of(String id) {
            return resource.equals(id) || resource.startsWith(id + ":") || enclosing.contains(id);
        }
    }

    static ResourcePlaces parse(String crmMonXml) {
        Element root = CrmMon.document(crmMonXml).getDocumentElement();
        Map<String, Boolean> nodes = new LinkedHashMap<>();
        for (Element n : CrmMon.children(CrmMon.first(root, "nodes"), "node")) {
            nodes.put(n.getAttribute("name"), "true".equals(n.getAttribute("online"))
                    && !"true".equals(n.getAttribute("standby")));
        }
        List<Place> places = new ArrayList<>();
        Set<String> promotable = new java.util.HashSet<>();
        collect(CrmMon.first(root, "resources"), List.of(), places, promotable);
        return new ResourcePlaces(nodes, places, Set.copyOf(promotable));
    }

    private static void collect(Element parent, List<String> enclosing, List<Place> into, Set<String> promotable) {
        if (parent == null) {
            return;
        }
        var children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element e)) {
                continue;
            }
            if (e.getTagName().equals("resource")) {
                for (Element node : CrmMon.children(e, "node")) {
                    into.add(new Place(e.getAttribute("id"), enclosing, node.getAttribute("name"),
                            e.getAttribute("role")));
                }
            } else if (List.of("group", "clone", "bundle", "replica").contains(e.getTagName())) {
                if ("true".equals(e.getAttribute("multi_state"))) {
                    promotable.add(e.getAttribute("id"));
                }
                List<String> around = new ArrayList<>(enclosing);
                if (!e.getAttribute("id").isEmpty()) {
                    around.add(e.getAttribute("id"));
                }
                collect(e, List.copyOf(around), into, promotable);
            }
        }
    }

    /** The active instances of the resource with this id (or of its members). */
    List<Place> of(String id) {
        return places.stream().filter(p -> p.of(id)).toList();
    }

    /** Whether it is active, and only on {@code node} (a group: every member there). */
    boolean runsOnlyOn(String id, String node) {
        List<Place> here = of(id);
        return !here.isEmpty() && here.stream().allMatch(p -> p.node().equals(node)
                && !p.role().equals("Stopped"));
    }

    boolean runsOn(String id, String node) {
        return of(id).stream().anyMatch(p -> p.node().equals(node));
    }

    boolean promotedOn(String id, String node) {
        return of(id).stream().anyMatch(p -> p.node().equals(node) && isPromoted(p.role()));
    }

    boolean active(String id) {
        return of(id).stream().anyMatch(p -> !p.role().equals("Stopped"));
    }

    static boolean isPromoted(String role) {
        return role.equals("Promoted") || role.equals("Master");
    }
}
