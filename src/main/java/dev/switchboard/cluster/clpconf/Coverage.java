package dev.switchboard.cluster.clpconf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What the mapping took from clp.conf and what it left, so that every element not converted is
 * listed by its path with why. The mapping marks what it {@linkplain #use used} and what it
 * {@linkplain #skip skipped with a reason}; {@link #notConverted} walks the whole file and names
 * the outermost elements left over, with a reason chosen by where they stand.
 */
final class Coverage {

    /** A part of clp.conf that is not in the output. */
    record NotConverted(String path, String why) {
    }

    /** Advisory or GUI-only elements (the type registries, the GUI's object counter) are dropped silently. */
    private static final Set<String> SILENT = Set.of("types", "objectnumber");

    private final Map<Element, Boolean> used = new IdentityHashMap<>();
    private final Map<Element, String> skipped = new IdentityHashMap<>();

    void use(ClpElement e) {
        used.put(e.element(), true);
    }

    void skip(ClpElement e, String why) {
        skipped.putIfAbsent(e.element(), why);
    }

    boolean handled(ClpElement e) {
        return used.containsKey(e.element()) || skipped.containsKey(e.element());
    }

    /** Whether the mapping used or skipped the element or anything inside it. */
    boolean touched(ClpElement e) {
        return handled(e) || touchedBelow(e);
    }

    List<NotConverted> notConverted(ClpElement root) {
        List<NotConverted> result = new ArrayList<>();
        walk(root, result);
        return result;
    }

    private void walk(ClpElement e, List<NotConverted> result) {
        String why = skipped.get(e.element());
        if (used.containsKey(e.element()) || SILENT.contains(e.tag())) {
            return;
        }
        if (why != null) {
            result.add(new NotConverted(e.path(), why));
        } else if (e.empty() && e.name().isEmpty() && e.id().isEmpty()) {
            return; // <comment/>, <target> </target>: the vendor's way of writing "empty"
        } else if (touchedBelow(e)) {
            e.children().forEach(c -> walk(c, result));
        } else {
            result.add(new NotConverted(e.path(), Reasons.byPlace(e)));
        }
    }

    private boolean touchedBelow(ClpElement e) {
        for (ClpElement c : e.children()) {
            if (handled(c) || touchedBelow(c)) {
                return true;
            }
        }
        return false;
    }
}
