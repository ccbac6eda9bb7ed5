package dev.switchboard.cluster;

import java.time.Duration;
import java.util.List;

/** A supervised command: started by spawning it, stopped with TERM and then KILL after {@code stopTimeout}. */
public record Service(String name, List<String> dependsOn, ActivationRecovery activationRecovery,
                      List<String> command, Duration stopTimeout) implements Resource {

    @Override
    public String type() {
        return "service";
    }
}
