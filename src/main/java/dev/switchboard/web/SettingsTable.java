package dev.switchboard.web;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ResourceMonitor;
import dev.switchboard.cluster.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A resource's or monitor's settings as the rows of a table, in the reader's language: each
 * setting a label and its value written as in cluster.yml (durations as {@code 30s}, lists
 * joined), absolute paths on this host only for ADMINs (see {@link SettingsPaths}).
 */
final class SettingsTable {

    /** One setting: its label and its value, both ready to show. */
    record Row(String label, String value) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final SettingsPaths paths;
    private final List<Row> rows = new ArrayList<>();

    private SettingsTable(MessageSource messages, Locale locale, SettingsPaths paths) {
        this.messages = messages;
        this.locale = locale;
        this.paths = paths;
    }

    static List<Row> of(Resource resource, MessageSource messages, Locale locale, SettingsPaths paths) {
        SettingsTable table = new SettingsTable(messages, locale, paths);
        table.resource(resource);
        return List.copyOf(table.rows);
    }

    static List<Row> of(Monitor monitor, MessageSource messages, Locale locale, SettingsPaths paths) {
        SettingsTable table = new SettingsTable(messages, locale, paths);
        table.monitor(monitor);
        return List.copyOf(table.rows);
    }

    /** A duration as cluster.yml writes it: the largest of h, m, s, ms that gives a whole number. */
    static String written(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private void resource(Resource resource) {
        if (resource instanceof FloatingIp fip) {
            row("settings.address", fip.address());
            row("settings.port", fip.port() > 0 ? String.valueOf(fip.port()) : text("settings.portUnknown"));
        } else if (resource instanceof Disk disk) {
            row("settings.device", path(paths.device(disk.device()).orElse(null)));
            row("settings.mountPoint", disk.mountPoint());
        } else if (resource instanceof Exec exec) {
            row("settings.start", script(exec.start()));
            row("settings.stop", script(exec.stop()));
            row("settings.scriptTimeout", written(exec.timeout()));
        } else if (resource instanceof Service service) {
            row("settings.command", paths.command(service.command(), text("settings.hidden")));
            row("settings.stopTimeout", written(service.stopTimeout()));
        }
        row("settings.dependsOn", resource.dependsOn().isEmpty() ? text("settings.none")
                : String.join(", ", resource.dependsOn()));
        ActivationRecovery recovery = resource.activationRecovery();
        row("settings.activationRetries", String.valueOf(recovery.retryCount()));
        row("settings.activationFailovers", String.valueOf(recovery.failoverCount()));
        row("settings.activationFinal", finalAction(recovery.finalAction()));
    }

    private void monitor(Monitor monitor) {
        if (monitor instanceof ProcessNameMonitor process) {
            row("detail.pattern", process.pattern().toString());
            row("settings.minimumCount", String.valueOf(process.minimumCount()));
        } else if (monitor instanceof ResourceMonitor operation) {
            row("detail.operation", operation.operationId());
        }
        row("detail.interval", written(monitor.interval()));
        row("settings.timeout", written(monitor.timeout()));
        if (monitor instanceof ProcessNameMonitor) {
            row("settings.retryCount", String.valueOf(monitor.retryCount()));
            row("settings.initialWait", written(monitor.initialWait()));
        }
        MonitorTiming timing = monitor.timing();
        row("detail.timing", timing.always() ? text("detail.always") : text("detail.active", timing.targetResource()));
        RecoveryPolicy recovery = monitor.recovery();
        row("settings.recoveryTarget", recovery.target());
        row("settings.maxReactivations", String.valueOf(recovery.maxReactivationCount()));
        row("settings.maxFailovers", String.valueOf(recovery.maxFailoverCount()));
        row("settings.recoveryFinal", finalAction(recovery.finalAction()));
    }

    private String script(Path script) {
        return path(paths.script(script).orElse(null));
    }

    private String path(String shown) {
        return shown == null ? text("settings.hidden") : shown;
    }

    private String finalAction(FinalAction action) {
        return text("settings.finalAction." + action.key());
    }

    private void row(String labelKey, String value) {
        rows.add(new Row(text(labelKey), value));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
