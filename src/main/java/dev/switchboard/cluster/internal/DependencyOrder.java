package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts a group's resources in start order and reports unknown parents and cycles. */
public final class DependencyOrder {

    private DependencyOrder() {
    }

    /**
     * @param declared resources in declaration order
     * @param at       the mapping each resource was read from, same order
     */
    public static List<Resource> sort(List<Resource> declared, List<YamlMapping> at, Problems problems) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            index.put(declared.get(i).name(), i);
        }
        boolean unknown = false;
        for (int i = 0; i < declared.size(); i++) {
            List<String> parents = declared.get(i).dependsOn();
            for (int p = 0; p < parents.size(); p++) {
                if (!index.containsKey(parents.get(p))) {
                    unknown = true;
                    YamlMapping m = at.get(i);
                    problems.at(m.nodeOf("depends-on"), m.childPath("depends-on") + "[" + p + "]",
                            "'" + parents.get(p) + "' is not a resource of this group.",
                            "use one of: " + String.join(", ", index.keySet()) + ".");
                }
            }
        }
        if (unknown) {
            return declared;
        }
        List<Resource> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            List<String> cycle = visit(declared.get(i), declared, index, done, new LinkedHashSet<>(), ordered);
            if (!cycle.isEmpty()) {
                YamlMapping m = at.get(index.get(cycle.get(0)));
                problems.at(m.nodeOf("depends-on"), m.childPath("depends-on"),
                        "the dependencies form a cycle: " + String.join(" → ", cycle) + ".",
                        "remove one of these dependencies so the resources can start one after another.");
                return declared;
            }
        }
        return ordered;
    }

    private static List<String> visit(Resource r, List<Resource> all, Map<String, Integer> index, Set<String> done,
                                      LinkedHashSet<String> path, List<Resource> ordered) {
        if (done.contains(r.name())) {
            return List.of();
        }
        if (path.contains(r.name())) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (String name : path) {
                inCycle |= name.equals(r.name());
                if (inCycle) {
                    cycle.add(name);
                }
            }
            cycle.add(r.name());
            return cycle;
        }
        path.add(r.name());
        for (String parent : r.dependsOn()) {
            List<String> cycle = visit(all.get(index.get(parent)), all, index, done, path, ordered);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(r.name());
        done.add(r.name());
        ordered.add(r);
        return List.of();
    }
}
