package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.ServerDefinition;
import java.nio.file.Path;

/**
 * Reads cluster.yml's top level ({@code cluster}, {@code servers}, {@code embedded}) into records and
 * hands {@code groups} and {@code monitors} to their own readings. It checks each value on its own;
 * what spans several parts of the file is left to the cross-checks.
 *
 * <p>With {@code embedded} false a cluster manager runs the cluster: resources and monitors are
 * read from it, so they must not be declared here. With {@code overlay} (see
 * {@code ClusterDefinitionReader.overlay}) the manager also knows the name, servers and groups,
 * so each may be left out.
 */
public final class ClusterReading {

    private final boolean embedded;
    private final boolean overlay;
    private final Problems problems;
    private final Declarations declared;
    private final CommonValues values;

    public ClusterReading(Path file, Path dataDir, boolean embedded, boolean overlay, Problems problems) {
        this.embedded = embedded;
        this.overlay = overlay;
        this.problems = problems;
        this.declared = new Declarations(file, overlay);
        this.values = new CommonValues(file, dataDir, problems, declared);
    }

    public Declarations read(YamlMapping top) {
        top.allowOnly("cluster", "servers", "groups", "monitors", "embedded");
        declared.clusterName(top.mapping("cluster").map(c -> c.allowOnly("name"))
                .map(c -> values.name(c, "give the cluster a name, e.g. 'name: clweb-cluster'."))
                .orElse(null));
        if (!top.has("cluster") && !overlay) {
            problems.at(top.node(), "cluster", "the required key 'cluster' is missing.",
                    "add 'cluster:' with a 'name:' under it.");
        }
        servers(top);
        new GroupReading(values, embedded, overlay).read(top);
        if (embedded) {
            new MonitorReading(values).read(top);
        } else {
            values.fromClusterManager(top, "monitors");
        }
        top.mapping("embedded").map(e -> e.allowOnly("provision"))
                .flatMap(e -> e.string("provision").map(p -> values.script(e, "provision", p)))
                .ifPresent(declared::provisionScript);
        return declared;
    }

    private void servers(YamlMapping top) {
        if (overlay && !top.has("servers")) {
            return;
        }
        for (YamlMapping s : values.requiredList(top, "servers", "list at least one server with name and address.")) {
            s.allowOnly("name", "address", "install-dir");
            String name = values.name(s, "give each server a unique name such as srv1.");
            String address = overlay && !s.has("address") ? null : values.address(s, "address");
            String installDir = s.string("install-dir").orElse(null);
            values.absolutePath(s, "install-dir", installDir, "/usr/local/jcclweb");
            declared.servers.add(new Declared<>(new ServerDefinition(name, address, installDir), s));
        }
    }
}
