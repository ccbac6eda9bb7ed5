package dev.switchboard.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Start and stop scripts run synchronously; exit code 0 means success. */
public record Exec(String name, List<String> dependsOn, ActivationRecovery activationRecovery,
                   Path start, Path stop, Duration timeout) implements Resource {

    @Override
    public String type() {
        return "exec";
    }
}
