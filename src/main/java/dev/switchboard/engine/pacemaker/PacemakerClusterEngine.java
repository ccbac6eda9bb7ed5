package dev.switchboard.engine.pacemaker;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.ResourceMonitor;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.Placement;
import dev.switchboard.engine.PlannedAction;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.polling.GroupHolds;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an existing Pacemaker cluster with its own tools: starts and stops through
 * {@code target-role}, moves through {@link PacemakerMoves}, suspends a monitor by disabling its
 * monitor operation; what it sees comes from {@link PacemakerReadings}, each operation waits
 * through {@link PacemakerWaits}; Pacemaker's notifications ({@link PacemakerNotifications}) make it
 * read at once when something changed. Operations on any resource, node or the cluster by
 * Pacemaker's ids are {@link PacemakerResourceOperations}'; their one-line delegations take this
 * class over 300 lines, as the port's many methods do.
 */
public final class PacemakerClusterEngine implements ClusterEngine {

    private static final Logger log = LoggerFactory.getLogger(PacemakerClusterEngine.class);

    private final ClusterDefinition definition;
    private final Duration pollInterval;
    private final GroupHolds holds = new GroupHolds();
    private final PacemakerReadings readings;
    private final PacemakerWaits waits;
    private final PacemakerMoves moves;
    private final PacemakerPlacement placements;
    private final PacemakerResourceOperations anyResource;
    private final Set<EngineFeature> features;
    private final PacemakerNotifications notifications;

    public PacemakerClusterEngine(ClusterDefinition definition, PacemakerCommands commands, Duration operationTimeout,
                                  Duration pollInterval) {
        this.definition = definition;
        this.pollInterval = pollInterval;
        this.readings = new PacemakerReadings(definition, commands, holds, operationTimeout);
        this.waits = new PacemakerWaits(() -> readings.refresh(false), operationTimeout, PacemakerWaits.STEP);
        this.moves = new PacemakerMoves(definition, readings, holds, waits, operationTimeout);
        this.placements = new PacemakerPlacement(readings);
        this.anyResource = new PacemakerResourceOperations(definition, readings, holds, operationTimeout);
        this.features = EnumSet.of(EngineFeature.DUMMY_FAILURE, EngineFeature.SERVER_STANDBY,
                EngineFeature.CLEANUP_FAILURES, EngineFeature.PLACEMENT, EngineFeature.ANY_RESOURCE,
                EngineFeature.MAINTENANCE_MODE);
        if (commands.reachesNodes()) {
            features.add(EngineFeature.SERVER_ACCESS);
        }
        // a prefix that does not name the node (or none) runs every command in one place: one alert
        // file and one CIB stream there, not one per node
        List<String> nodes = definition.servers().stream().map(s -> s.name()).toList();
        this.notifications = new PacemakerNotifications(readings, commands,
                commands.namesNodes() ? nodes : nodes.subList(0, Math.min(1, nodes.size())), pollInterval);
        readings.followedBy(notifications::followsEveryChange);
    }

    /** Everything but the vendor's timeout ratio; the nodes' files and commands only through a command prefix. */
    @Override
    public Set<EngineFeature> features() {
        return features;
    }

    /** Takes the first reading and starts watching the cluster; Pacemaker runs the groups. */
    @Override
    public void start() {
        readings.startPolling(pollInterval);
        notifications.start();
    }

    /** See {@link PacemakerNotifications}: empty while Pacemaker's notifications arrive. */
    @Override
    public Optional<Translatable> updatesWarning() {
        return notifications.warning();
    }

    /** The last reading (at most one poll interval old); operations read afresh themselves. */
    @Override
    public ClusterSnapshot snapshot() {
        return readings.last();
    }

    /** All of the cluster from the last poll's crm_mon and CIB; no command of its own. */
    @Override
    public Optional<ClusterInventory> inventory() {
        snapshot(); // the first reading, when there is none yet
        return Optional.ofNullable(readings.inventory());
    }

    // ---- group operations ----------------------------------------------------------------

    @Override
    public GroupStatus startGroup(String group, String server) {
        requireServerIfGiven(server);
        Translatable start = Translatable.of("engine.operation.start", group);
        return exclusively(group, start, () -> {
            GroupStatus now = group(group);
            if (now.state() != ActivationState.OFFLINE) {
                throw new OperationNotAllowed(Translatable.of("engine.refused.startOnlyOffline", group,
                        now.state().word()));
            }
            crm("crm_resource", "--resource", group, "--meta", "--delete-parameter", "target-role");
            // members an operator stopped one by one start with the group
            for (var resource : definition.group(group).orElseThrow().resources()) {
                crm("crm_resource", "--resource", resource.name(), "--meta", "--delete-parameter", "target-role");
            }
            GroupStatus started = waits.group(group, g -> PacemakerWaits.allOnlineOn(g, g.currentServer()), start);
            return server == null || server.equals(started.currentServer()) ? started : moves.move(group, server);
        });
    }

    @Override
    public GroupStatus stopGroup(String group) {
        Translatable stop = Translatable.of("engine.operation.stop", group);
        return exclusively(group, stop, () -> {
            crm("crm_resource", "--resource", group, "--meta", "--set-parameter", "target-role", "--parameter-value",
                    "Stopped");
            return waits.group(group, g -> g.state() == ActivationState.OFFLINE, stop);
        });
    }

    @Override
    public GroupStatus moveGroup(String group, String target) {
        requireServerIfGiven(target);
        return exclusively(group, Translatable.of("engine.operation.move", group), () -> moves.move(group, target));
    }

    /** See {@link PacemakerMoves#standby}: the groups that leave are held like a move. */
    @Override
    public ServerState standby(String server, boolean on) {
        requireServer(server);
        return moves.standby(server, on);
    }

    /** {@code crm_resource --cleanup}: forgets the group's failures and fail counts everywhere. */
    @Override
    public void cleanupFailures(String group) {
        requireGroup(group);
        crm("crm_resource", "--cleanup", "--resource", group);
        readings.refresh(true);
    }

    /** Removes the cli-prefer and cli-ban constraints earlier moves or bans left on the group. */
    @Override
    public void clearLeftovers(String group) {
        requireGroup(group);
        crm("crm_resource", "--clear", "--resource", group);
        readings.refresh(true);
    }

    /**
     * Pacemaker's own plan: on a copy of the live CIB, add the constraint the move would add and
     * let the scheduler simulate the transition. Empty (Switchboard plans) when that fails.
     */
    @Override
    public Optional<List<PlannedAction>> previewMove(String group, String target) {
        requireGroup(group);
        requireServer(target);
        String simulate = "f=$(mktemp) || exit 1; trap 'rm -f \"$f\"' EXIT; cibadmin -Q > \"$f\" || exit 1; "
                + "CIB_file=\"$f\" crm_resource --move --resource \"$1\" --node \"$2\" > /dev/null 2>&1 || exit 1; "
                + "crm_simulate -x \"$f\" -S --output-as=xml";
        try {
            return Optional.of(CrmSimulate.transition(readings.onAnyNode("sh", "-c", simulate, "preview", group,
                    target).stdout()));
        } catch (RuntimeException e) {
            log.warn("Pacemaker could not preview the move of {} to {}: {}", group, target, e.getMessage());
            return Optional.empty();
        }
    }

    /** See {@link PacemakerPlacement}: Pacemaker's scores of the live cluster, explained by its CIB. */
    @Override
    public Optional<Placement> placement(String resourceOrGroup) {
        return Optional.of(placements.of(resourceOrGroup));
    }

    @Override
    public Optional<String> diskHolder(String group) {
        return group(group).resources().stream().filter(r -> r.type().equals("disk")).map(ResourceStatus::server)
                .filter(s -> s != null).findFirst();
    }

    // ---- any resource, node or the cluster, by Pacemaker's ids: PacemakerResourceOperations --

    @Override
    public void moveResource(String resource, String node) {
        anyResource.move(resource, node);
    }

    @Override
    public void movePromotedRole(String clone, String node) {
        anyResource.movePromoted(clone, node);
    }

    @Override
    public void banResource(String resource, String node) {
        anyResource.ban(resource, node);
    }

    @Override
    public void clearResourceConstraints(String resource, String node) {
        anyResource.clear(resource, node);
    }

    @Override
    public void cleanupResource(String resource, String node) {
        anyResource.cleanup(resource, node);
    }

    @Override
    public void setResourceRunning(String resource, boolean started) {
        anyResource.running(resource, started);
    }

    @Override
    public List<String> placementConstraints(String resource) {
        return anyResource.placementConstraints(resource);
    }

    @Override
    public void resourceMaintenance(String resource, boolean on) {
        anyResource.resourceMaintenance(resource, on);
    }

    @Override
    public void nodeMaintenance(String node, boolean on) {
        anyResource.nodeMaintenance(node, on);
    }

    @Override
    public void clusterMaintenance(boolean on) {
        anyResource.clusterMaintenance(on);
    }

    // ---- resources and monitors ------------------------------------------------------------

    @Override
    public ResourceStatus startResource(String resource) {
        String group = groupOfResource(resource);
        Translatable start = Translatable.of("engine.operation.startResource", resource);
        return exclusively(group, start, () -> {
            crm("crm_resource", "--resource", resource, "--meta", "--delete-parameter", "target-role");
            return waits.group(group, g -> g.resource(resource).map(r -> r.state() == ActivationState.ONLINE)
                    .orElse(false), start).resource(resource).orElseThrow();
        });
    }

    @Override
    public ResourceStatus stopResource(String resource) {
        String group = groupOfResource(resource);
        Translatable stop = Translatable.of("engine.operation.stopResource", resource);
        return exclusively(group, stop, () -> {
            crm("crm_resource", "--resource", resource, "--meta", "--set-parameter", "target-role", "--parameter-value",
                    "Stopped");
            return waits.group(group, g -> g.resource(resource).map(r -> r.state() == ActivationState.OFFLINE)
                    .orElse(false), stop).resource(resource).orElseThrow();
        });
    }

    /**
     * Switches the monitor operation off (enabled=false): Pacemaker stops checking the resource
     * but still manages it, so moves go on as usual.
     */
    @Override
    public void suspendMonitor(String monitor) {
        switchMonitor(monitor, false);
    }

    @Override
    public void resumeMonitor(String monitor) {
        switchMonitor(monitor, true);
    }

    private void switchMonitor(String monitor, boolean enabled) {
        String operation = definition.monitor(monitor).filter(m -> m instanceof ResourceMonitor)
                .map(m -> ((ResourceMonitor) m).operationId()).orElseThrow(() -> new NameNotFound("monitor", monitor));
        crm("cibadmin", "--modify", "--scope", "resources", "--xml-text",
                "<op id=\"" + operation + "\" enabled=\"" + enabled + "\"/>");
        readings.refresh(true);
    }

    /** Tells Pacemaker the resource failed on the server, which recovers as configured (migration-threshold). */
    @Override
    public void startDummyFailure(String monitor, String server) {
        requireServer(server);
        crm("crm_resource", "--fail", "--resource", monitored(monitor), "--node", server);
        readings.refresh(true);
    }

    /** Cleans the failure up: the fail count goes back to 0 and the monitor to Normal. */
    @Override
    public void stopDummyFailure(String monitor, String server) {
        requireServer(server);
        crm("crm_resource", "--cleanup", "--resource", monitored(monitor), "--node", server);
        readings.refresh(true);
    }

    @Override
    public void addListener(Consumer<EngineEvent> listener) {
        readings.addListener(listener);
    }

    /** Stops watching and takes Switchboard's alert out of the CIB; Pacemaker keeps running the cluster. */
    @Override
    public void close() {
        notifications.close();
        readings.stopPolling();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** One operation per group at a time, as in the embedded engine. */
    private <T> T exclusively(String group, Translatable what, Supplier<T> operation) {
        requireGroup(group);
        return holds.exclusively(group, what, operation);
    }

    /** The group as Pacemaker and its configuration show it now. */
    private GroupStatus group(String group) {
        return readings.refresh(true).group(group).orElseThrow(() -> new NameNotFound("group", group));
    }

    private void crm(String... command) {
        readings.onAnyNode(command);
    }

    private String monitored(String monitor) {
        return definition.monitor(monitor).map(Monitor::timing).map(t -> t.targetResource())
                .orElseThrow(() -> new NameNotFound("monitor", monitor));
    }

    private String groupOfResource(String resource) {
        return definition.groupOfResource(resource).map(FailoverGroup::name)
                .orElseThrow(() -> new NameNotFound("resource", resource));
    }

    private void requireGroup(String group) {
        if (definition.group(group).isEmpty()) {
            throw new NameNotFound("group", group);
        }
    }

    private void requireServer(String server) {
        if (server == null || definition.server(server).isEmpty()) {
            throw new NameNotFound("server", server);
        }
    }

    private void requireServerIfGiven(String server) {
        if (server != null) {
            requireServer(server);
        }
    }
}
