package dev.switchboard.cluster.clpconf;

import dev.switchboard.cluster.clpconf.ResourceMapping.Entry;
import java.util.List;
import java.util.Map;

/** The YAML itself: cluster, servers, groups (with resources for the embedded engine) and monitors. */
final class Body {

    private final YamlText groups = new YamlText();
    private final YamlText monitors = new YamlText();
    private final String clusterName;
    private final List<ServerMapping.Server> servers;

    Body(String clusterName, List<ServerMapping.Server> servers) {
        this.clusterName = clusterName;
        this.servers = servers;
    }

    void embeddedGroup(GroupMapping.Group g, List<ResourceMapping.Converted> resources,
                       Map<String, Dependencies.Depends> depends) {
        group(g);
        groups.line(4, "resources", null, "started in dependency order, stopped in reverse");
        for (ResourceMapping.Converted r : resources) {
            if (r.note() != null) {
                groups.comment(6, r.note());
            }
            groups.line(6, "- name", YamlText.scalar(r.name()), r.element().path());
            groups.line(8, "type", r.type(), null);
            r.entries().forEach(e -> groups.line(8, e.key(), e.value(), e.comment()));
            Dependencies.Depends d = depends.get(r.name());
            groups.line(8, "depends-on", YamlText.list(d.names()), d.comment());
            groups.line(8, "on-activation-failure", null, null);
            r.recovery().forEach(e -> groups.line(10, e.key(), e.value(), e.comment()));
        }
    }

    void overlayGroup(GroupMapping.Group g, Map<String, String> hints) {
        group(g);
        String fip = hints.getOrDefault("fip", "<floating address>");
        groups.comment(4, "service-check:                 # proves the service answers after a move, e.g.:");
        groups.comment(4, "  url: http://" + fip + ":<port>/");
        groups.comment(4, "  expect: \"<text the service answers>\"");
        groups.comment(4, "link-checks:                   # checked on the target server before a move, e.g.:");
        groups.comment(4, "  - link: <path on the server>");
        groups.comment(4, "    target: " + hints.getOrDefault("mount", "<mount point>") + "/<folder>");
    }

    private void group(GroupMapping.Group g) {
        groups.line(2, "- name", YamlText.scalar(g.name()), g.element().path());
        groups.line(4, "servers", YamlText.list(g.servers()), g.element().children("policy").isEmpty()
                ? "no <policy>: every server by priority; the first is the home server"
                : "<policy> order; the first is the home server");
        groups.line(4, "auto-start", Boolean.toString(g.autoStart()), g.startDefault() ? "vendor default start 1"
                : "start " + (g.autoStart() ? "1" : "0"));
        groups.line(4, "auto-failover", Boolean.toString(g.autoFailover()), g.failoverDefault()
                ? "vendor default failover 1" : "failover " + (g.autoFailover() ? "1" : "0"));
    }

    void monitors(List<MonitorMapping.Converted> converted) {
        for (MonitorMapping.Converted m : converted) {
            monitors.line(2, "- name", YamlText.scalar(m.name()), "/root/monitor/psw@" + m.name());
            m.entries().forEach(e -> monitors.line(4, e.key(), e.value(), e.comment()));
            monitors.line(4, "recovery", null, null);
            m.recovery().forEach(e -> monitors.line(6, e.key(), e.value(), e.comment()));
        }
    }

    String render() {
        YamlText y = new YamlText();
        y.line(0, "cluster", null, null).line(2, "name", YamlText.scalar(clusterName), "/root/cluster/name").blank();
        y.line(0, "servers", null, "by priority; the first is the master server");
        for (ServerMapping.Server s : servers) {
            y.line(2, "- name", YamlText.scalar(s.name()), "/root/server@" + s.name());
            y.line(4, "address", s.address(), s.address().equals(s.clpAddress()) ? "its LAN device"
                    : "clp.conf: " + s.clpAddress());
        }
        String text = y.blank().toString() + "groups:\n" + groups;
        String monitorText = monitors.toString();
        return monitorText.isEmpty() ? text : text + "\nmonitors:\n" + monitorText;
    }
}
