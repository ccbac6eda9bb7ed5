package dev.switchboard.cluster.clpconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resource's {@code depends-on} from its {@code <depend>} elements: none means the vendor's
 * default order by type (the table is not confirmed by a public source, hence [U]), {@code
 * <depend name=""/>} means none at all, and otherwise the resources named.
 */
final class Dependencies {

    /** The resources one depends on and where that came from. */
    record Depends(List<String> names, String comment) {
    }

    static final String DEFAULT_ORDER = "no <depend>: the vendor's default order by type, fip > volmgr > disk/md > exec [U]";

    private Dependencies() {
    }

    static Map<String, Depends> of(List<ResourceMapping.Converted> group, Coverage coverage) {
        Set<String> names = group.stream().map(ResourceMapping.Converted::name).collect(Collectors.toSet());
        Map<String, Depends> result = new LinkedHashMap<>();
        for (ResourceMapping.Converted r : group) {
            List<ClpElement> depends = r.element().children("depend");
            if (depends.isEmpty()) {
                int tier = tier(r.element().tag());
                result.put(r.name(), new Depends(group.stream().filter(o -> tier(o.element().tag()) < tier)
                        .map(ResourceMapping.Converted::name).toList(), DEFAULT_ORDER));
                continue;
            }
            List<String> listed = new ArrayList<>();
            for (ClpElement d : depends) {
                if (d.name().isEmpty()) {
                    coverage.use(d);
                } else if (names.contains(d.name()) && !d.name().equals(r.name())) {
                    listed.add(d.name());
                    coverage.use(d);
                } else {
                    coverage.skip(d, "names '" + d.name() + "', which is not a converted resource of this group");
                }
            }
            result.put(r.name(), new Depends(listed, listed.isEmpty() && depends.stream().anyMatch(d -> d.name().isEmpty())
                    ? "<depend name=\"\"/>: depends on nothing" : "clp.conf <depend>"));
        }
        return result;
    }

    private static int tier(String clpType) {
        return switch (clpType) {
            case "fip" -> 0;
            case "volmgr" -> 1;
            case "disk", "md" -> 2;
            default -> 3;
        };
    }
}
