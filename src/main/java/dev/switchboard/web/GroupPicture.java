package dev.switchboard.web;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.MonitorServerStatus;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStatus;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ServerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The geometry of one group's picture: servers side by side, the group's box on the server that
 * runs it (or below them when it runs nowhere), its resources top to bottom in dependency order
 * with arrows, its monitors attached to their target, and the floating address clients use.
 * The template only draws what this computes.
 */
record GroupPicture(String group, String state, String stateClass, String currentServer, int width, int height,
                    Entry entry, List<ServerBox> servers, Box groupBox, List<ResourceBox> resources,
                    List<Arrow> arrows, List<MonitorBadge> monitors) {

    static final int WIDTH = 960;
    private static final int MARGIN = 20;
    private static final int GAP = 40;
    private static final int SERVER_TOP = 90;
    private static final int ROW = 74;
    private static final int BOX_HEIGHT = 44;
    private static final int BADGE_STEP = 230;
    private static final int DETAIL_CHARACTERS = 24;

    record Entry(String label, int x, int y, Arrow arrow) {
    }

    record ServerBox(String name, boolean home, boolean current, String state, String stateClass, int x, int y,
                     int width, int height) {
    }

    record Box(int x, int y, int width, int height) {
    }

    record ResourceBox(String name, String type, String state, String stateClass, String icon, String detail, int x,
                       int y, int width, int height) {
    }

    record Arrow(int x1, int y1, int x2, int y2) {
    }

    record MonitorBadge(String name, String state, String stateClass, String icon, int x, int y, Arrow link) {
    }

    static GroupPicture of(GroupStatus group, FailoverGroup definition, ClusterSnapshot snapshot) {
        List<ServerStatus> servers = snapshot.servers();
        List<MonitorStatus> monitors = snapshot.monitors().stream()
                .filter(m -> m.targetResource() != null && group.resource(m.targetResource()).isPresent()).toList();
        int n = Math.max(1, servers.size());
        int serverWidth = (WIDTH - 2 * MARGIN - (n - 1) * GAP) / n;
        int rows = group.resources().size();
        int badgesPerRow = Math.max(1, (serverWidth - 40 - 32) / BADGE_STEP);
        int badgeRows = (monitors.size() + badgesPerRow - 1) / badgesPerRow; // several monitors wrap
        int groupHeight = 56 + rows * ROW + badgeRows * 40;
        int serverHeight = groupHeight + 70;
        boolean runsNowhere = group.currentServer() == null;
        int height = SERVER_TOP + serverHeight + (runsNowhere ? groupHeight + 40 : 0) + MARGIN;

        List<ServerBox> serverBoxes = new ArrayList<>();
        int groupX = MARGIN + (WIDTH - 2 * MARGIN - serverWidth) / 2;
        int groupY = SERVER_TOP + serverHeight + 30;
        for (int i = 0; i < servers.size(); i++) {
            ServerStatus s = servers.get(i);
            int x = MARGIN + i * (serverWidth + GAP);
            boolean current = s.name().equals(group.currentServer());
            if (current) {
                groupX = x + 20;
                groupY = SERVER_TOP + 50;
            }
            serverBoxes.add(new ServerBox(s.name(), s.name().equals(group.homeServer()), current, s.state().word(),
                    cssClass(s.state().name()), x, SERVER_TOP, serverWidth, serverHeight));
        }
        int groupWidth = serverWidth - 40;
        Box groupBox = new Box(groupX, groupY, groupWidth, groupHeight);

        List<ResourceBox> resources = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            ResourceStatus r = group.resources().get(i);
            int y = groupY + 46 + i * ROW;
            resources.add(new ResourceBox(r.name(), r.type(), r.state().word(), cssClass(r.state().name()),
                    icon(r.state()), detail(r, definition), groupX + 16, y, groupWidth - 32, BOX_HEIGHT));
        }
        for (ResourceStatus r : group.resources()) {
            ResourceBox child = box(resources, r.name());
            for (String parent : r.dependsOn()) {
                ResourceBox p = box(resources, parent);
                arrows.add(new Arrow(p.x() + 40, p.y() + BOX_HEIGHT, child.x() + 40, child.y()));
            }
        }

        List<MonitorBadge> badges = new ArrayList<>();
        for (int i = 0; i < monitors.size(); i++) {
            MonitorStatus m = monitors.get(i);
            MonitorState state = monitorState(m, group.currentServer());
            ResourceBox target = box(resources, m.targetResource());
            int badgeX = groupX + 16 + (i % badgesPerRow) * BADGE_STEP;
            int y = groupY + 46 + rows * ROW + (i / badgesPerRow) * 40;
            badges.add(new MonitorBadge(m.name(), state.word(), cssClass(state.name()), icon(state), badgeX, y,
                    new Arrow(badgeX + 110, y, target.x() + target.width() - 60, target.y() + BOX_HEIGHT)));
        }

        Entry entry = definition.firstOfType(FloatingIp.class).map(fip -> {
            ResourceBox fipBox = box(resources, fip.name());
            return new Entry(fip.endpoint(), fipBox.x() + 40, 30, new Arrow(fipBox.x() + 40, 44, fipBox.x() + 40,
                    fipBox.y()));
        }).orElse(null);

        return new GroupPicture(group.name(), group.state().word(), cssClass(group.state().name()),
                group.currentServer(), WIDTH, height, entry, serverBoxes, groupBox, resources, arrows, badges);
    }

    /** The monitor's state where the group runs, or else the first state other than Offline. */
    static MonitorState monitorState(MonitorStatus m, String server) {
        Optional<MonitorServerStatus> here = server == null ? Optional.empty() : m.on(server);
        return here.map(MonitorServerStatus::state).orElseGet(() -> m.servers().stream()
                .map(MonitorServerStatus::state).filter(s -> s != MonitorState.OFFLINE).findFirst()
                .orElse(MonitorState.OFFLINE));
    }

    private static ResourceBox box(List<ResourceBox> boxes, String name) {
        return boxes.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    /** What the box says about the resource, short enough to fit beside its name and state. */
    private static String detail(ResourceStatus r, FailoverGroup definition) {
        String detail = fullDetail(r, definition);
        return detail.length() <= DETAIL_CHARACTERS ? detail : detail.substring(0, DETAIL_CHARACTERS - 1) + "…";
    }

    private static String fullDetail(ResourceStatus r, FailoverGroup definition) {
        return definition.resource(r.name()).map(d -> switch (d.type()) {
            case "fip" -> ((FloatingIp) d).endpoint();
            case "disk" -> ((dev.switchboard.cluster.Disk) d).mountPoint();
            case "exec" -> r.lastRuns().isEmpty() ? ((dev.switchboard.cluster.Exec) d).start().getFileName().toString()
                    : r.lastRuns().get(0).action() + " → " + r.lastRuns().get(0).exitCode();
            // the program (or Pacemaker agent) by its short name: /usr/bin/x → x, ocf:heartbeat:anything → anything
            default -> ((dev.switchboard.cluster.Service) d).command().get(0).replaceAll(".*[/:]", "");
        }).orElse("");
    }

    static String cssClass(String stateName) {
        return "st-" + stateName.toLowerCase().replace('_', '-');
    }

    static String icon(ActivationState state) {
        return switch (state) {
            case ONLINE -> "✔";
            case OFFLINE -> "○";
            case ONLINE_PENDING, OFFLINE_PENDING -> "…";
            case ONLINE_FAILURE, OFFLINE_FAILURE -> "✖";
            case UNKNOWN -> "?";
        };
    }

    static String icon(MonitorState state) {
        return switch (state) {
            case NORMAL -> "✔";
            case CAUTION -> "!";
            case ERROR -> "✖";
            case OFFLINE -> "○";
            case SUSPEND -> "⏸";
            case UNKNOWN -> "?";
        };
    }
}
