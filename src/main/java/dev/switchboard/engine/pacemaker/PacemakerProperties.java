package dev.switchboard.engine.pacemaker;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach a Pacemaker cluster (switchboard.engine.type=pacemaker).
 *
 * @param commandPrefix    words put before every Pacemaker command, {@code {node}} replaced by the
 *                         node's name (e.g. ssh, or lab/pacemaker/node.sh {node}); empty runs them here,
 *                         and then Switchboard reaches no node's files or commands (see
 *                         {@link PacemakerServerAccess})
 * @param commandTimeout   how long one command may take
 * @param operationTimeout how long a move, start or stop may take before it counts as failed
 * @param pollInterval     how often crm_mon is read for live updates
 */
@ConfigurationProperties("switchboard.pacemaker")
public record PacemakerProperties(@DefaultValue List<String> commandPrefix,
                                  @DefaultValue("15s") Duration commandTimeout,
                                  @DefaultValue("120s") Duration operationTimeout,
                                  @DefaultValue("1s") Duration pollInterval) {

    public PacemakerProperties {
        commandPrefix = List.copyOf(commandPrefix);
    }

    /** The runner of Pacemaker's tools these settings describe. */
    PacemakerCommands commands() {
        return new PacemakerCommands(commandPrefix, commandTimeout);
    }
}
