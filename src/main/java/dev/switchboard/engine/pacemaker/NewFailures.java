package dev.switchboard.engine.pacemaker;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The failures crm_mon lists, told apart from those already on record when an operation began. */
final class NewFailures {

    private NewFailures() {
    }

    /** What identifies each failure on record now (resource, task, node, time). */
    static Set<String> keys(CrmMon mon) {
        return mon == null ? Set.of() : mon.failures().stream().map(NewFailures::key).collect(Collectors.toSet());
    }

    /** A failure on exactly that node that was not on record earlier, in words. */
    static Optional<String> on(CrmMon mon, String node, Set<String> earlier) {
        return mon == null ? Optional.empty() : mon.failures().stream()
                .filter(f -> f.node().equals(node) && !earlier.contains(key(f))).findFirst()
                .map(NewFailures::describe);
    }

    static String describe(CrmMon.Failure f) {
        return f.task() + " of " + f.resource() + " failed on " + f.node() + " (" + f.exitStatus()
                + (f.exitReason().isEmpty() ? "" : ": " + f.exitReason()) + ")";
    }

    private static String key(CrmMon.Failure f) {
        return f.resource() + "|" + f.task() + "|" + f.node() + "|" + f.lastChange();
    }
}
