package dev.switchboard.cluster.clpconf;

import dev.switchboard.cluster.clpconf.ResourceMapping.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /root/monitor}: a process name monitor ({@code psw}) becomes a process-name monitor with
 * its recovery settings (relation → target, restart → max-reactivation-count, fo or fo2 →
 * max-failover-count, action → final-action); every other monitor type is listed as not converted,
 * since the embedded engine's monitors watch process names only.
 */
final class MonitorMapping {

    /** A converted monitor: its own lines and its recovery lines. */
    record Converted(String name, List<Entry> entries, List<Entry> recovery) {
    }

    private static final String U = " [U]";

    private final Coverage coverage;
    private final Set<String> groups;
    private final Set<String> resources;
    private final int servers;

    MonitorMapping(Coverage coverage, Set<String> groups, Set<String> resources, int servers) {
        this.coverage = coverage;
        this.groups = groups;
        this.resources = resources;
        this.servers = servers;
    }

    List<Converted> read(ClpElement root) {
        List<Converted> converted = new ArrayList<>();
        for (ClpElement m : root.child("monitor").map(ClpElement::children).orElse(List.of())) {
            if (m.tag().equals("types")) {
                continue;
            }
            if (!m.tag().equals("psw")) {
                coverage.skip(m, "a monitor of type " + m.tag() + ": the embedded engine's monitors watch process names only"
                        + (m.tag().equals("genw") ? " (a genw runs a script, genw.sh)" : ""));
                continue;
            }
            psw(m).ifPresent(converted::add);
        }
        return converted;
    }

    private Optional<Converted> psw(ClpElement m) {
        Optional<String> process = m.text("parameters/processname");
        String relationType = m.text("relation/type").orElse("");
        String relation = m.text("relation/name").orElse("");
        String why = null;
        if (process.isEmpty()) {
            why = "a process name monitor without parameters/processname";
        } else if (!ServerMapping.NAME.matcher(m.name()).matches()) {
            why = "the name '" + m.name() + "' is not a valid name";
        } else if (relationType.equals("cls")) {
            why = "its recovery target is the server (relation cls " + relation + "); cluster.yml recovers a group or a resource";
        } else if (!groups.contains(relation) && !resources.contains(relation)) {
            why = "its recovery target '" + relation + "' is not a converted group or resource";
        }
        boolean active = m.text("polling/timing").orElse("0").equals("1");
        String target = m.text("target").orElse("");
        if (why == null && active && !resources.contains(target)) {
            why = "it runs while '" + target + "' is active, which is not a converted resource";
        }
        if (why != null) {
            coverage.skip(m, why);
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("type", "process-name", "clp.conf psw"));
        entries.add(new Entry("pattern", YamlText.scalar(process.get().replace("[", "\\[").replace("]", "\\]")),
                "parameters/processname; the vendor's wildcard rules [U]"));
        VendorCodes.Converted count = VendorCodes.count(use(m, "parameters/processnum"), "processnum", 1, "");
        entries.add(new Entry("minimum-count", count.value(), count.comment()));
        add(entries, "interval", VendorCodes.seconds(use(m, "polling/interval"), "polling/interval", 60, U, 1));
        add(entries, "timeout", VendorCodes.seconds(use(m, "polling/timeout"), "polling/timeout", 60, U, 1));
        add(entries, "retry-count", VendorCodes.count(use(m, "polling/reconfirmation"), "polling/reconfirmation", 0, U));
        add(entries, "initial-wait", VendorCodes.seconds(use(m, "firstmonwait"), "firstmonwait", 0, U, 0));
        use(m, "polling/timing");
        entries.add(new Entry("timing", active ? "active" : "always", "polling/timing " + (active ? "1" : "0")));
        if (active) {
            use(m, "target");
            entries.add(new Entry("target-resource", YamlText.scalar(target), "target"));
        }
        use(m, "relation/type");
        use(m, "relation/name");
        List<Entry> recovery = new ArrayList<>();
        recovery.add(new Entry("target", YamlText.scalar(relation), "relation " + relationType + " " + relation));
        add(recovery, "max-reactivation-count", VendorCodes.count(use(m, "emergency/threshold/restart"),
                "threshold/restart", 0, U));
        Optional<String> fo = use(m, "emergency/threshold/fo").or(() -> use(m, "emergency/threshold/fo2"));
        add(recovery, "max-failover-count", VendorCodes.count(fo, "threshold/fo", servers,
                " (as many as servers) [U]"));
        VendorCodes.Converted action = VendorCodes.finalAction(use(m, "emergency/action"), "emergency/action", "1", "");
        recovery.add(new Entry("final-action", action.value(), action.comment()));
        m.child("parameters").ifPresent(p -> p.children().stream().filter(c -> Reasons.credential(c.tag()))
                .forEach(c -> coverage.skip(c, Reasons.CREDENTIAL)));
        return Optional.of(new Converted(m.name(), entries, recovery));
    }

    private static void add(List<Entry> entries, String key, VendorCodes.Converted converted) {
        entries.add(new Entry(key, converted.value(), converted.comment()));
    }

    private Optional<String> use(ClpElement m, String path) {
        m.child(path).ifPresent(coverage::use);
        return m.text(path);
    }
}
