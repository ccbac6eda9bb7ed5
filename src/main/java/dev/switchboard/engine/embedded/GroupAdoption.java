package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ActivationState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group at Switchboard's start-up: the group kept running while Switchboard was stopped, so it
 * is adopted where its records say it runs, if it is healthy there and the server is not in
 * standby; otherwise what is left there is cleaned up and, with auto-start, the group starts on
 * the first server by priority that is not in standby. The caller holds the group's operation lock.
 */
final class GroupAdoption {

    private static final Logger log = LoggerFactory.getLogger(GroupAdoption.class);

    private final FailoverGroup group;
    private final Map<String, ServerLayout> servers;
    private final GroupRecord record;
    private final EmbeddedGroupState state;
    private final GroupActivation activation;
    private final GroupRecovery recovery;
    private final Predicate<String> mayRunOn;

    GroupAdoption(FailoverGroup group, Map<String, ServerLayout> servers, GroupRecord record, EmbeddedGroupState state,
                  GroupActivation activation, GroupRecovery recovery, Predicate<String> mayRunOn) {
        this.group = group;
        this.servers = servers;
        this.record = record;
        this.state = state;
        this.activation = activation;
        this.recovery = recovery;
        this.mayRunOn = mayRunOn;
    }

    /**
     * @param healthyOn whether the group's application runs on a server, as its monitors judge it.
     * A group whose records cannot be read, or whose start-up fails otherwise, is left Unknown with
     * the reason (published, so on the record) and does not keep the other groups from starting.
     */
    void adoptOrStart(Predicate<String> healthyOn) {
        try {
            adoptOrStartFromRecords(healthyOn);
        } catch (UnreadableStateFile e) {
            log.error("group {}: {}; left Unknown", group.name(), e.getMessage(), e);
            Translatable why = Translatable.of("engine.startUp.unreadableRecord", group.name(), e.file().toString(),
                    e.problem());
            state.setGroup(ActivationState.UNKNOWN, null, why, why.english());
        } catch (RuntimeException e) {
            log.error("group {} could not be adopted or started; left Unknown", group.name(), e);
            Translatable why = Translatable.of("engine.startUp.failed", group.name(), String.valueOf(e.getMessage()));
            state.setGroup(ActivationState.UNKNOWN, null, why, why.english());
        }
    }

    private void adoptOrStartFromRecords(Predicate<String> healthyOn) {
        Optional<String> recorded = recordedServer();
        if (recorded.isPresent() && servers.containsKey(recorded.get())) {
            String server = recorded.get();
            // a server in standby runs no group, also when Switchboard stopped before the group left it
            if (mayRunOn.test(server) && healthyOn.test(server) && adopt(server)) {
                return;
            }
            log.info("group {} was left on {} but is not healthy there or the server is in standby; cleaning up",
                    group.name(), server);
            state.markAllActive(server);
            activation.deactivate(server, GroupActivation.START, "CLUSTERSHUTDOWN");
        }
        Optional<String> first = group.servers().stream().filter(mayRunOn).findFirst();
        if (group.autoStart() && state.state() == ActivationState.OFFLINE && first.isPresent()) {
            recovery.activateWithRecovery(first.get(), GroupActivation.START);
        }
    }

    /** The group record, or for a group started before records were kept, its disk's owner. */
    private Optional<String> recordedServer() {
        Optional<String> fromRecord = record.server();
        return fromRecord.isPresent() ? fromRecord : activation.diskOwner();
    }

    /** Takes over every resource without restarting anything; false as soon as one is not active there. */
    private boolean adopt(String server) {
        ServerLayout layout = servers.get(server);
        for (ResourceDriver d : activation.drivers()) {
            try {
                d.adopt(new ResourceDriver.Context(layout, GroupActivation.START, null, true, run -> { }));
            } catch (ResourceFailed e) {
                log.warn("cannot adopt {} of group {} on {}: {}", d.resource().name(), group.name(), server,
                        e.getMessage());
                return false;
            }
        }
        for (ResourceDriver d : activation.drivers()) {
            state.setResource(d.resource().name(), ActivationState.ONLINE, server, null, "adopted: already running");
        }
        // it has been Online since before Switchboard's restart: its uptime goes on
        Instant since = record.onlineSince().orElseGet(Instant::now);
        record.online(server, since);
        state.setGroup(ActivationState.ONLINE, server, null, "adopted: already running on " + server, since);
        return true;
    }
}
