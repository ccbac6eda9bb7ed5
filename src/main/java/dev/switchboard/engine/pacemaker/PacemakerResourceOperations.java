package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.polling.GroupHolds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations on any resource, node or the whole cluster by Pacemaker's own ids
 * ({@link ResourceCommands}): each checks the names first, gives the order, waits until crm_mon
 * shows the result, and removes every move constraint it added, also when the wait fails. A
 * resource of a group Switchboard operates is held like a group move, so its change of node is no
 * failover.
 */
final class PacemakerResourceOperations {

    private static final Logger log = LoggerFactory.getLogger(PacemakerResourceOperations.class);
    private static final Duration STEP = Duration.ofMillis(200);

    private final ClusterDefinition definition;
    private final PacemakerReadings readings;
    private final GroupHolds holds;
    private final Duration timeout;

    PacemakerResourceOperations(ClusterDefinition definition, PacemakerReadings readings, GroupHolds holds,
                                Duration timeout) {
        this.definition = definition;
        this.readings = readings;
        this.holds = holds;
        this.timeout = timeout;
    }

    void move(String resource, String node) {
        ResourcePlaces now = checked(resource, node);
        if (now.runsOnlyOn(resource, node)) {
            throw new OperationNotAllowed(Translatable.of("operation.refused.alreadyThere", resource, node));
        }
        Translatable what = Translatable.of("engine.operation.moveTo", resource, node);
        asMove(resource, what, () -> {
            try {
                run(ResourceCommands.move(resource, node));
                await(p -> p.runsOnlyOn(resource, node), what);
            } finally {
                clearAfter(resource, node);
            }
        });
    }

    void movePromoted(String clone, String node) {
        ResourcePlaces now = checked(clone, node);
        if (!now.promotable().contains(clone)) {
            throw new OperationNotAllowed(Translatable.of("operation.refused.notPromotable", clone));
        }
        if (now.promotedOn(clone, node)) {
            throw new OperationNotAllowed(Translatable.of("engine.refused.alreadyPromotedOn", clone, node));
        }
        Translatable what = Translatable.of("engine.operation.movePromoted", clone, node);
        try {
            run(ResourceCommands.movePromoted(clone, node));
            await(p -> p.promotedOn(clone, node), what);
        } finally {
            clearAfter(clone, node);
        }
    }

    void ban(String resource, String node) {
        checked(resource, node);
        Translatable what = Translatable.of("engine.operation.ban", resource, node);
        asMove(resource, what, () -> {
            run(ResourceCommands.ban(resource, node));
            await(p -> !p.runsOn(resource, node), what);
        });
    }

    void clear(String resource, @Nullable String node) {
        checked(resource, node);
        run(ResourceCommands.clear(resource, node));
        readings.refresh(true);
    }

    void cleanup(String resource, @Nullable String node) {
        checked(resource, node);
        run(ResourceCommands.cleanup(resource, node));
        readings.refresh(true);
    }

    void running(String resource, boolean started) {
        checked(resource, null);
        Translatable what = Translatable.of(started ? "engine.operation.startResource" : "engine.operation.stopResource",
                resource);
        asMove(resource, what, () -> {
            run(ResourceCommands.running(resource, started));
            if (started) {
                tidy(ResourceCommands.emptyMetaSets(resource));
            }
            await(p -> p.active(resource) == started, what);
        });
    }

    void resourceMaintenance(String resource, boolean on) {
        checked(resource, null);
        run(ResourceCommands.resourceMaintenance(resource, on));
        if (!on) {
            tidy(ResourceCommands.emptyMetaSets(resource));
        }
        readings.refresh(true);
    }

    void nodeMaintenance(String node, boolean on) {
        checked(null, node);
        run(ResourceCommands.nodeMaintenance(node, on));
        if (!on) {
            tidy(ResourceCommands.emptyNodeSets(node));
        }
        readings.refresh(true);
    }

    void clusterMaintenance(boolean on) {
        run(ResourceCommands.clusterMaintenance(on));
        readings.refresh(true);
    }

    /** The cli-prefer and cli-ban constraints on the resource now. */
    List<String> placementConstraints(String resource) {
        String constraints = run(ResourceCommands.constraints());
        return Cib.parse("<configuration><resources/>" + constraints + "</configuration>").locationsOf(resource)
                .stream().filter(Cib.Location::leftover).map(Cib.Location::id).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The resource and node exist (each when named); the cluster as crm_mon shows it now. */
    private ResourcePlaces checked(@Nullable String resource, @Nullable String node) {
        if (resource != null) {
            try {
                run(ResourceCommands.exists(resource));
            } catch (PacemakerFailure e) {
                if (e.kind() == PacemakerFailure.Cause.NOT_FOUND) {
                    throw new NameNotFound("resource", resource);
                }
                throw e;
            }
        }
        ResourcePlaces now = places();
        if (node != null && !now.nodes().containsKey(node)) {
            throw new NameNotFound(Translatable.of("engine.kind.node"), node);
        }
        return now;
    }

    /** A resource of a declared group moves under that group's hold, as a move and not a failover. */
    private void asMove(String resource, Translatable what, Runnable operation) {
        Optional<String> group = definition.group(resource).map(FailoverGroup::name)
                .or(() -> definition.groupOfResource(resource).map(FailoverGroup::name));
        if (group.isEmpty()) {
            operation.run();
            return;
        }
        holds.exclusively(group.get(), what, () -> {
            holds.moving(group.get(), what);
            try {
                operation.run();
            } catch (RuntimeException e) {
                holds.settleUntil(group.get(), Instant.now().plus(timeout));
                throw e;
            } finally {
                holds.moved(group.get());
            }
            return null;
        });
    }

    /** Removes the move's constraint; when it cannot, the operation fails saying so. */
    private void clearAfter(String resource, String node) {
        try {
            run(ResourceCommands.clear(resource, node));
        } catch (OperationFailed e) {
            log.error("the move of {} left its cli-prefer constraint behind: {}", resource, e.getMessage());
            throw new OperationFailed(Translatable.of("engine.failed.leftBehind", resource, e.text(), node));
        } finally {
            readings.refresh(true);
        }
    }

    /** Removes the empty attribute sets an "off" leaves (they mean nothing); none there is fine. */
    private void tidy(List<String> command) {
        try {
            run(command);
        } catch (PacemakerFailure e) {
            if (e.kind() != PacemakerFailure.Cause.NOT_FOUND && e.kind() != PacemakerFailure.Cause.REFUSED) {
                throw e;
            }
        }
    }

    private void await(Predicate<ResourcePlaces> done, Translatable what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(places())) {
            if (System.nanoTime() > deadline) {
                throw new OperationFailed(Translatable.of("engine.failed.resourceWaitTimeout", what,
                        timeout.toMillis()));
            }
            try {
                Thread.sleep(STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationFailed(Translatable.of("engine.failed.resourceWaitTimeout", what,
                        timeout.toMillis()));
            }
        }
    }

    private ResourcePlaces places() {
        try {
            return ResourcePlaces.parse(run(List.of("crm_mon", "-1", "--output-as=xml")));
        } catch (IllegalArgumentException e) {
            throw new OperationFailed(Translatable.of("engine.pacemaker.unreadable", "crm_mon", e.getMessage()));
        }
    }

    private String run(List<String> command) {
        return readings.onAnyNode(command.toArray(String[]::new)).stdout();
    }
}
