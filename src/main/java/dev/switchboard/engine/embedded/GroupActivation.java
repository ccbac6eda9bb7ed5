package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Resource;
import dev.switchboard.engine.ActivationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a group's resources up on a server in start order (the definition puts dependencies first:
 * fip, disk, then exec) and down in reverse, each with the vendor's script context (CLP_EVENT,
 * CLP_FACTOR, CLP_DISK). Keeps the group's record of where it was activated, for adoption after a
 * restart, and since when it is Online there. It decides nothing on failure: it reports the failed
 * resource, and recovery decides.
 */
final class GroupActivation {

    /** CLP_EVENT of an operator's start, stop or move and of a restart. */
    static final String START = "START";
    /** CLP_EVENT when the group leaves or reaches a server because of a failure. */
    static final String FAILOVER = "FAILOVER";

    private static final Logger log = LoggerFactory.getLogger(GroupActivation.class);

    private final Map<String, ServerLayout> servers;
    private final List<ResourceDriver> drivers;
    private final GroupRecord record;
    private final EmbeddedGroupState state;

    /** {@code drivers} in start order. */
    GroupActivation(Map<String, ServerLayout> servers, List<ResourceDriver> drivers, GroupRecord record,
                    EmbeddedGroupState state) {
        this.servers = servers;
        this.drivers = List.copyOf(drivers);
        this.record = record;
        this.state = state;
    }

    List<ResourceDriver> drivers() {
        return drivers;
    }

    ResourceDriver driver(String name) {
        return drivers.stream().filter(d -> d.resource().name().equals(name)).findFirst().orElseThrow();
    }

    /** Activates every resource on {@code server} in start order; stops at the first that fails. */
    Optional<FailedResource> activate(String server, String event) {
        record.activating(server);
        state.setGroup(ActivationState.ONLINE_PENDING, server, null, event.equals(FAILOVER) ? "failover" : "start");
        for (ResourceDriver d : drivers) {
            Optional<FailedResource> failure = activateResource(d, server, event);
            if (failure.isPresent()) {
                return failure;
            }
        }
        Instant since = Instant.now();
        record.online(server, since);
        state.setGroup(ActivationState.ONLINE, server, null, null, since);
        return Optional.empty();
    }

    /** Activates one resource, trying again up to its retry count. */
    Optional<FailedResource> activateResource(ResourceDriver driver, String server, String event) {
        Resource r = driver.resource();
        state.setResource(r.name(), ActivationState.ONLINE_PENDING, server, null, null);
        ResourceDriver.Context context = context(server, event, null);
        Translatable failure = null;
        for (int attempt = 0; attempt <= r.activationRecovery().retryCount(); attempt++) {
            try {
                driver.activate(context);
                state.setResource(r.name(), ActivationState.ONLINE, server, null, null);
                return Optional.empty();
            } catch (ResourceFailed e) {
                failure = Translatable.of("engine.withDetail", r.name(), e.reason());
            } catch (RuntimeException e) {
                failure = Translatable.of("engine.resource.unexpected", r.name(), e.toString());
                log.error("activating {} on {} failed unexpectedly", r.name(), server, e);
            }
        }
        state.setResource(r.name(), ActivationState.ONLINE_FAILURE, server, failure, failure.english());
        return Optional.of(new FailedResource(r, server, failure));
    }

    /**
     * Deactivates everything not already Offline, in reverse start order, going on past a failure;
     * returns the first failure. Only a clean stop forgets where the group was activated.
     */
    Optional<FailedResource> deactivate(String server, String event, String factor) {
        state.setGroup(ActivationState.OFFLINE_PENDING, server, null, factor);
        Optional<FailedResource> first = Optional.empty();
        List<ResourceDriver> reversed = new ArrayList<>(drivers);
        Collections.reverse(reversed);
        for (ResourceDriver d : reversed) {
            if (state.resourceState(d.resource().name()) == ActivationState.OFFLINE) {
                continue;
            }
            Optional<FailedResource> failure = deactivateResource(d, server, event, factor);
            if (first.isEmpty()) {
                first = failure;
            }
        }
        if (first.isPresent()) {
            state.setGroup(ActivationState.OFFLINE_FAILURE, server, first.get().reason(),
                    first.get().reason().english());
            return first;
        }
        record.deactivated();
        state.setGroup(ActivationState.OFFLINE, null, null, factor);
        return Optional.empty();
    }

    Optional<FailedResource> deactivateResource(ResourceDriver driver, String server, String event, String factor) {
        Resource r = driver.resource();
        state.setResource(r.name(), ActivationState.OFFLINE_PENDING, server, null, factor);
        try {
            driver.deactivate(context(server, event, factor));
            state.setResource(r.name(), ActivationState.OFFLINE, null, null, factor);
            return Optional.empty();
        } catch (ResourceFailed | RuntimeException e) {
            Translatable failure = Translatable.of("engine.withDetail", r.name(),
                    e instanceof ResourceFailed failed ? failed.reason() : e.getMessage());
            state.setResource(r.name(), ActivationState.OFFLINE_FAILURE, server, failure, failure.english());
            return Optional.of(new FailedResource(r, server, failure));
        }
    }

    /** CLP_DISK says SUCCESS only while every disk of the group is Online. */
    private ResourceDriver.Context context(String server, String event, String factor) {
        boolean diskConnected = drivers.stream().filter(d -> d.resource() instanceof Disk)
                .allMatch(d -> state.resourceState(d.resource().name()) == ActivationState.ONLINE);
        return new ResourceDriver.Context(servers.get(server), event, factor, diskConnected, state::recordRun);
    }

    /** The server named in the ownership record of the group's disk. */
    Optional<String> diskOwner() {
        return drivers.stream().filter(d -> d instanceof DiskDriver).map(d -> ((DiskDriver) d).owner())
                .flatMap(Optional::stream).map(DiskOwnership.Owner::server).findFirst();
    }
}
