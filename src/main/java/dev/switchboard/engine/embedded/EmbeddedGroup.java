package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
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

    Optional<EmbeddedGroupState.Active> activeOn(String resource) {
        return state.activeOn(resource);
    }

    /** See {@link EmbeddedGroupState#changes()}. */
    long changes() {
        return state.changes();
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
        return lock.exclusive(Translatable.of("engine.operation.startOn", group.name(), target), () -> {
            requireState(ActivationState.OFFLINE, "engine.action.start");
            requireServer(target);
            String ended = recovery.activateWithRecovery(target, GroupActivation.START);
            if (ended == null || state.state() != ActivationState.ONLINE) {
                throw new OperationFailed(ended == null
                        ? Translatable.of("engine.failed.startGroup", group.name(), state.reason(), state.state().word())
                        : Translatable.of("engine.failed.startGroupOn", group.name(), state.reason(),
                                state.state().word(), ended));
            }
            return status();
        });
    }

    GroupStatus stop() {
        return lock.exclusive(Translatable.of("engine.operation.stop", group.name()), () -> {
            if (state.state() == ActivationState.OFFLINE) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.alreadyOffline", group.name()));
            }
            Optional<FailedResource> failure = activation.deactivate(state.currentOrRecorded(), GroupActivation.START,
                    "GROUPSTOP");
            failure.ifPresent(f -> {
                throw new OperationFailed(Translatable.of("engine.failed.stopGroup", group.name(), f.reason(),
                        f.server()));
            });
            return status();
        });
    }

    /** Moves to {@code requestedTarget}, or to the next server by priority that is not in standby. */
    GroupStatus move(String requestedTarget) {
        return lock.exclusive(Translatable.of("engine.operation.move", group.name()), () -> {
            requireState(ActivationState.ONLINE, "engine.action.move");
            String from = state.current();
            String target = requestedTarget != null ? requestedTarget : group.nextServerAfter(from, mayRunOn)
                    .orElseThrow(() -> new OperationNotAllowed(Translatable.of("engine.refused.noOtherServer",
                            group.name())));
            requireServer(target);
            if (target.equals(from)) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.alreadyRunsOn", group.name(), target));
            }
            Optional<FailedResource> stopFailure = activation.deactivate(from, GroupActivation.START, "GROUPMOVE");
            if (stopFailure.isPresent()) {
                throw new OperationFailed(Translatable.of("engine.failed.moveStopping", group.name(), from,
                        stopFailure.get().reason()));
            }
            String ended = recovery.activateWithRecovery(target, GroupActivation.START);
            if (!target.equals(ended) || state.state() != ActivationState.ONLINE) {
                throw new OperationFailed(ended == null
                        ? Translatable.of("engine.failed.move", group.name(), target, state.reason(),
                                state.state().word())
                        : Translatable.of("engine.failed.moveOn", group.name(), target, state.reason(),
                                state.state().word(), ended));
            }
            return status();
        });
    }

    /** Starts one resource of the running group; its parents must be Online. */
    ResourceStatus startResource(String name) {
        return lock.exclusive(Translatable.of("engine.operation.startResource", name), () -> {
            ResourceDriver driver = activation.driver(name);
            String server = requireUp();
            if (state.resourceState(name) == ActivationState.ONLINE) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.resourceOnline", name,
                        state.resourceServer(name)));
            }
            for (String parent : driver.resource().dependsOn()) {
                if (state.resourceState(parent) != ActivationState.ONLINE) {
                    throw new OperationNotAllowed(Translatable.of("engine.refused.parentNotOnline", name, parent));
                }
            }
            activation.activateResource(driver, server, GroupActivation.START).ifPresent(f -> {
                throw new OperationFailed(Translatable.of("engine.failed.startResource", name, f.reason()));
            });
            return state.resourceStatus(name);
        });
    }

    /** Stops one resource of the running group; the resources that depend on it must be Offline. */
    ResourceStatus stopResource(String name) {
        return lock.exclusive(Translatable.of("engine.operation.stopResource", name), () -> {
            ResourceDriver driver = activation.driver(name);
            String server = requireUp();
            if (state.resourceState(name) == ActivationState.OFFLINE) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.resourceOffline", name));
            }
            for (ResourceDriver d : activation.drivers()) {
                String child = d.resource().name();
                if (d.resource().dependsOn().contains(name) && state.resourceState(child) != ActivationState.OFFLINE) {
                    throw new OperationNotAllowed(Translatable.of("engine.refused.childNotOffline", child, name));
                }
            }
            activation.deactivateResource(driver, server, GroupActivation.START, "RESOURCESTOP").ifPresent(f -> {
                throw new OperationFailed(Translatable.of("engine.failed.stopResource", name, f.reason()));
            });
            return state.resourceStatus(name);
        });
    }

    // ---- monitors' recoveries and the start-up: they wait for a running operation ----------------

    /**
     * Runs a monitor's recovery once the operation under way has finished, and only if the group
     * went through no change since the monitor's finding ({@code changesSeen}): a move, failback or
     * other recovery in between made the finding stale. Returns whether it ran.
     */
    boolean recoverIfUnchanged(long changesSeen, String monitor, Runnable recovery) {
        boolean[] ran = {false};
        lock.waiting(Translatable.of("engine.operation.monitorRecovery", group.name(), monitor), () -> {
            if (state.changes() == changesSeen) {
                ran[0] = true;
                recovery.run();
            }
        });
        return ran[0];
    }

    /** Restarts the group on {@code server}. */
    void restart(String server, Translatable cause) {
        lock.waiting(Translatable.of("engine.operation.restart", group.name()), () -> recovery.restart(server, cause));
    }

    /** Restarts one resource on {@code server}. */
    void restartResource(String name, String server, Translatable cause) {
        lock.waiting(Translatable.of("engine.operation.restartResource", name), () -> recovery.restartResource(name, server, cause));
    }

    /** Fails the group over from {@code from} to the next server by priority. */
    void failOver(String from, Translatable cause) {
        lock.waiting(Translatable.of("engine.operation.failover", group.name()), () -> recovery.failOver(from, cause));
    }

    void stopAsFinalAction(String server, Translatable cause) {
        lock.waiting(Translatable.of("engine.operation.finalStop", group.name()), () -> recovery.stopAsFinalAction(server, cause));
    }

    /** Adopts the group where it was left running, or cleans up and auto-starts it: see {@link GroupAdoption}. */
    void adoptOrStart(Predicate<String> healthyOn) {
        lock.waiting(Translatable.of("engine.operation.startUp", group.name()), () -> adoption.adoptOrStart(healthyOn));
    }

    // ---- refusals ------------------------------------------------------------------------------

    /** @param actionKey the message key of what the operator wants to do ("start it") */
    private void requireState(ActivationState expected, String actionKey) {
        ActivationState now = state.state();
        if (now != expected) {
            String current = state.current();
            Translatable action = Translatable.of(actionKey);
            throw new OperationNotAllowed(current == null
                    ? Translatable.of("engine.refused.wrongState", group.name(), now.word(), expected.word(), action)
                    : Translatable.of("engine.refused.wrongStateOn", group.name(), now.word(), expected.word(), action,
                            current));
        }
    }

    private String requireUp() {
        return state.runningOn().orElseThrow(() -> new OperationNotAllowed(Translatable.of(
                "engine.refused.groupNotUp", group.name(), state.state().word())));
    }

    private void requireServer(String server) {
        if (!group.servers().contains(server)) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.notAServerOfGroup", server, group.name(),
                    String.join(", ", group.servers())));
        }
        if (!mayRunOn.test(server)) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.serverInStandby", server));
        }
    }
}
