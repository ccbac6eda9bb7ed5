package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code monitors[i]} (the embedded engine's process name monitors): pattern, counts, timing
 * and recovery. Whether the resources and groups they name exist is a cross-check.
 */
final class MonitorReading {

    private final CommonValues values;
    private final Problems problems;

    MonitorReading(CommonValues values) {
        this.values = values;
        this.problems = values.problems();
    }

    void read(YamlMapping top) {
        for (YamlMapping m : top.mappings("monitors")) {
            m.allowOnly("name", "type", "pattern", "minimum-count", "interval", "timeout", "retry-count",
                    "initial-wait", "timing", "target-resource", "recovery");
            String name = values.name(m, "give each monitor a unique name such as psw-clweb.");
            String type = m.requiredString("type", "set type to process-name.");
            if (type != null && !type.equals(ProcessNameMonitor.TYPE)) {
                problems.at(m.nodeOf("type"), m.childPath("type"), "unknown monitor type '" + type + "'.",
                        "use process-name.");
            }
            Glob pattern = glob(m);
            int minimum = m.integer("minimum-count", 1, 1, 9999);
            Duration interval = m.duration("interval", Duration.ofSeconds(60), Duration.ofMillis(100));
            Duration timeout = m.duration("timeout", Duration.ofSeconds(60), Duration.ofMillis(100));
            int retry = m.integer("retry-count", 0, 0, 999);
            Duration initialWait = m.duration("initial-wait", Duration.ZERO, Duration.ZERO);
            MonitorTiming timing = timing(m);
            RecoveryPolicy recovery = recovery(m);
            values.declared().monitors.add(new Declared<>(new ProcessNameMonitor(name, pattern, minimum, interval,
                    timeout, retry, initialWait, timing, recovery), m));
        }
    }

    private Glob glob(YamlMapping m) {
        String text = m.requiredString("pattern", "give the command line pattern, e.g. pattern: \"clweb_serv*\".");
        if (text == null) {
            return null;
        }
        try {
            return Glob.compile(text);
        } catch (IllegalArgumentException e) {
            problems.at(m.nodeOf("pattern"), m.childPath("pattern"), "'" + text + "' is not a valid pattern: "
                    + e.getMessage() + ".", "use * for any text, ? for one character and [..] for a class; "
                    + "escape a literal [ or ] with \\.");
            return null;
        }
    }

    private MonitorTiming timing(YamlMapping m) {
        String timing = m.string("timing").orElse("always");
        switch (timing) {
            case "always" -> {
                if (m.has("target-resource")) {
                    problems.at(m.nodeOf("target-resource"), m.childPath("target-resource"),
                            "a target resource only applies with 'timing: active'.",
                            "remove it or set 'timing: active'.");
                }
                return MonitorTiming.ALWAYS;
            }
            case "active" -> {
                String target = m.requiredString("target-resource",
                        "name the resource while whose activity the monitor runs, e.g. 'target-resource: exec-clweb'.");
                MonitorTiming active = new MonitorTiming(target);
                if (target != null) {
                    values.declared().targetedTimings.add(new Declared<>(active, m));
                }
                return active;
            }
            default -> {
                problems.at(m.nodeOf("timing"), m.childPath("timing"), "unknown timing '" + timing + "'.",
                        "use always or active.");
                return MonitorTiming.ALWAYS;
            }
        }
    }

    private RecoveryPolicy recovery(YamlMapping m) {
        Optional<YamlMapping> found = m.mapping("recovery");
        if (found.isEmpty()) {
            if (!m.has("recovery")) {
                problems.at(m.node(), m.childPath("recovery"), "the required key 'recovery' is missing.",
                        "add recovery with a target (the group or a resource) and the counts.");
            }
            return null;
        }
        YamlMapping r = found.get().allowOnly("target", "max-reactivation-count", "max-failover-count", "final-action");
        String target = r.requiredString("target", "name the group or resource to recover, e.g. 'target: failover-clweb'.");
        RecoveryPolicy recovery = new RecoveryPolicy(target, r.integer("max-reactivation-count", 0, 0, 99),
                r.integer("max-failover-count", 1, 0, 99), values.finalAction(r, FinalAction.NONE));
        if (target != null) {
            values.declared().recoveries.add(new Declared<>(recovery, r));
        }
        return recovery;
    }
}
