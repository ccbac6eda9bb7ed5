package dev.switchboard.engine.embedded;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ResourceStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One failover group of the embedded engine, as the engine drives it: the operators' start, stop
 * and move of the group and of single resources, with their refusals; the monitors' recoveries; the
 * adoption at start-up. One operation at a time ({@link GroupOperationLock}); the work is done by
 * {@link GroupActivation}, {@link GroupRecovery} and {@link GroupAdoption} on the group's
 * {@link EmbeddedGroupState}.
 */
final class EmbeddedGroup {

    private final FailoverGroup group;
    private final EmbeddedGroupState state;
    private final GroupActivation activation;
    private final GroupRecovery recovery;
    private final GroupAdoption adoption;
    private final GroupOperationLock lock;

    /** False for a server in standby: no start, move or failover goes there. */
    private final Predicate<String> mayRunOn;

    /** {@code drivers} in start order (dependencies first); {@code mayRunOn} is false for a server in standby. */
    EmbeddedGroup(FailoverGroup group, Map<String, ServerLayout> servers, List<ResourceDriver> drivers,
                  GroupRecord record, EventSink events, Predicate<String> mayRunOn) {
        this.group = group;
        this.mayRunOn = mayRunOn;
        this.state = new EmbeddedGroupState(group, drivers.stream().map(ResourceDriver::resource).toList(), events);
        this.activation = new GroupActivation(servers, drivers, record, state);
        this.recovery = new GroupRecovery(group, state, activation, events, mayRunOn);
        this.adoption = new GroupAdoption(group, servers, record, state, activation, recovery, mayRunOn);
        this.lock = new GroupOperationLock(group.name(), state);
    }

    FailoverGroup group() {
        return group;
    }

    GroupStatus status() {
        return state.status();
    }

    Optional<String> serverWhereActive(String resource) {
        return state.serverWhereActive(resource);
    }

    /** The server named in the ownership record of the group's disk. */
    Optional<String> diskOwner() {
        return activation.diskOwner();
    }

    // ---- operators' operations: refused while another runs ----------------------------------

    /** Starts on {@code server}, or on the first server by priority that is not in standby. */
    GroupStatus start(String server) {
        String target = server != null ? server : group.servers().stream().filter(mayRunOn).findFirst()
                .orElse(group.homeServer());
        return lock.exclusive("start of " + group.name() + " on " + target, () -> {
            requireState(ActivationState.OFFLINE, "start it");
            requireServer(target);
            String ended = recovery.activateWithRecovery(target, GroupActivation.START);
            if (ended == null || state.state() != ActivationState.ONLINE) {
                throw new OperationFailed("Starting group '" + group.name() + "' failed: " + state.reason()
                        + ". The group is " + state.state().word() + (ended == null ? "" : " on " + ended) + ".");
            }
            return status();
        });
    }

    GroupStatus stop() {
        return lock.exclusive("stop of " + group.name(), () -> {
            if (state.state() == ActivationState.OFFLINE) {
                throw new OperationNotAllowed("Group '" + group.name() + "' is already Offline.");
            }
            Optional<FailedResource> failure = activation.deactivate(state.currentOrRecorded(), GroupActivation.START,
                    "GROUPSTOP");
            failure.ifPresent(f -> {
                throw new OperationFailed("Stopping group '" + group.name() + "' failed: " + f.reason()
                        + ". The group is Offline Failure on " + f.server() + ".");
            });
            return status();
        });
    }

    /** Moves to {@code requestedTarget}, or to the next server by priority that is not in standby. */
    GroupStatus move(String requestedTarget) {
        return lock.exclusive("move of " + group.name(), () -> {
            requireState(ActivationState.ONLINE, "move it");
            String from = state.current();
            String target = requestedTarget != null ? requestedTarget : group.nextServerAfter(from, mayRunOn)
                    .orElseThrow(() -> new OperationNotAllowed("Group '" + group.name()
                            + "' has no other server to move to (only one, or the others are in standby)."));
            requireServer(target);
            if (target.equals(from)) {
                throw new OperationNotAllowed("Group '" + group.name() + "' already runs on " + target + ".");
            }
            Optional<FailedResource> stopFailure = activation.deactivate(from, GroupActivation.START, "GROUPMOVE");
            if (stopFailure.isPresent()) {
                throw new OperationFailed("Moving group '" + group.name() + "' failed while stopping it on " + from
                        + ": " + stopFailure.get().reason() + ". The group is Offline Failure on " + from + ".");
            }
            String ended = recovery.activateWithRecovery(target, GroupActivation.START);
            if (!target.equals(ended) || state.state() != ActivationState.ONLINE) {
                throw new OperationFailed("Moving group '" + group.name() + "' to " + target + " failed: "
                        + state.reason() + ". The group is " + state.state().word()
                        + (ended == null ? "" : " on " + ended) + ".");
            }
            return status();
        });
    }

    /** Starts one resource of the running group; its parents must be Online. */
    ResourceStatus startResource(String name) {
        return lock.exclusive("start of resource " + name, () -> {
            ResourceDriver driver = activation.driver(name);
            String server = requireUp();
            if (state.resourceState(name) == ActivationState.ONLINE) {
                throw new OperationNotAllowed("Resource '" + name + "' is already Online on "
                        + state.resourceServer(name) + ".");
            }
            for (String parent : driver.resource().dependsOn()) {
                if (state.resourceState(parent) != ActivationState.ONLINE) {
                    throw new OperationNotAllowed("Resource '" + name + "' depends on '" + parent
                            + "', which is not Online. Start '" + parent + "' first.");
                }
            }
            activation.activateResource(driver, server, GroupActivation.START).ifPresent(f -> {
                throw new OperationFailed("Starting resource '" + name + "' failed: " + f.reason() + ".");
            });
            return state.resourceStatus(name);
        });
    }

    /** Stops one resource of the running group; the resources that depend on it must be Offline. */
    ResourceStatus stopResource(String name) {
        return lock.exclusive("stop of resource " + name, () -> {
            ResourceDriver driver = activation.driver(name);
            String server = requireUp();
            if (state.resourceState(name) == ActivationState.OFFLINE) {
                throw new OperationNotAllowed("Resource '" + name + "' is already Offline.");
            }
            for (ResourceDriver d : activation.drivers()) {
                String child = d.resource().name();
                if (d.resource().dependsOn().contains(name) && state.resourceState(child) != ActivationState.OFFLINE) {
                    throw new OperationNotAllowed("Resource '" + child + "' depends on '" + name
                            + "' and is not Offline. Stop '" + child + "' first.");
                }
            }
            activation.deactivateResource(driver, server, GroupActivation.START, "RESOURCESTOP").ifPresent(f -> {
                throw new OperationFailed("Stopping resource '" + name + "' failed: " + f.reason() + ".");
            });
            return state.resourceStatus(name);
        });
    }

    // ---- monitors' recoveries and the start-up: they wait for a running operation ----------------

    /** Restarts the group on {@code server}. */
    void restart(String server, String cause) {
        lock.waiting("restart of " + group.name(), () -> recovery.restart(server, cause));
    }

    /** Restarts one resource on {@code server}. */
    void restartResource(String name, String server, String cause) {
        lock.waiting("restart of resource " + name, () -> recovery.restartResource(name, server, cause));
    }

    /** Fails the group over from {@code from} to the next server by priority. */
    void failOver(String from, String cause) {
        lock.waiting("failover of " + group.name(), () -> recovery.failOver(from, cause));
    }

    void stopAsFinalAction(String server, String cause) {
        lock.waiting("stop of " + group.name() + " (final action)", () -> recovery.stopAsFinalAction(server, cause));
    }

    /** Adopts the group where it was left running, or cleans up and auto-starts it: see {@link GroupAdoption}. */
    void adoptOrStart(Predicate<String> healthyOn) {
        lock.waiting("start-up of " + group.name(), () -> adoption.adoptOrStart(healthyOn));
    }

    /** Called when Switchboard stops: the group keeps running; only in-process parts go. */
    void detach() {
        activation.detach();
    }

    // ---- refusals ------------------------------------------------------------------------------

    private void requireState(ActivationState expected, String action) {
        ActivationState now = state.state();
        if (now != expected) {
            String current = state.current();
            throw new OperationNotAllowed("Group '" + group.name() + "' is " + now.word() + (current == null ? ""
                    : " on " + current) + "; it must be " + expected.word() + " to " + action + ".");
        }
    }

    private String requireUp() {
        return state.runningOn().orElseThrow(() -> new OperationNotAllowed("Group '" + group.name() + "' is "
                + state.state().word() + "; start the group before starting or stopping one of its resources."));
    }

    private void requireServer(String server) {
        if (!group.servers().contains(server)) {
            throw new OperationNotAllowed("Server '" + server + "' cannot run group '" + group.name()
                    + "'; it may run on " + String.join(", ", group.servers()) + ".");
        }
        if (!mayRunOn.test(server)) {
            throw new OperationNotAllowed("Server " + server + " is in standby and runs no group; bring it back "
                    + "online first.");
        }
    }
}
