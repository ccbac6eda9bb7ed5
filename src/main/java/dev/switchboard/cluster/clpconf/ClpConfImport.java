package dev.switchboard.cluster.clpconf;

import dev.switchboard.cluster.clpconf.Coverage.NotConverted;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts a clp.conf (CLUSTERPRO X / EXPRESSCLUSTER X) into cluster.yml: for the embedded engine
 * (servers, failover groups, their fip, disk and exec resources, process name monitors), or as an
 * overlay for the clusterpro engine (servers and groups only; it reads resources and monitors from
 * the vendor API). Whatever is not converted is listed at the top of the output by its clp.conf path
 * with why; no credential is ever copied. A file with nothing left to run is refused.
 */
public final class ClpConfImport {

    /** The options of one import. */
    public record Request(Path file, Path scripts, Path outputDir, boolean overlay) {
    }

    /** The written cluster.yml and what it could not take over. */
    public record Conversion(String yaml, List<String> groups, List<String> notConverted, List<String> missingScripts) {
    }

    private ClpConfImport() {
    }

    /** @throws ClpConfRefused naming the file, the parts and the fix when nothing can be converted */
    public static Conversion convert(Request request) {
        String file = request.file().toString();
        ClpConfBytes.Read read = ClpConfBytes.read(request.file());
        ClpElement root = ClpElement.root(read.document().getDocumentElement());
        if (!root.tag().equals("root")) {
            throw new ClpConfRefused(file + ": the top element is <" + root.tag() + ">, not <root>: this is not a clp.conf.");
        }
        Coverage coverage = new Coverage();
        root.child("all").ifPresent(a -> a.children().forEach(coverage::use));
        boolean windows = root.text("all/serveros").orElse("linux").equalsIgnoreCase("windows");
        String clusterName = root.text("cluster/name").orElse("");
        if (!ServerMapping.NAME.matcher(clusterName).matches()) {
            throw new ClpConfRefused(file + " cannot be imported: /root/cluster/name '" + clusterName + "' is not a valid"
                    + " name. Fix: give the cluster a name of letters, digits, '-', '_' or '.' (a template must be filled in first).");
        }
        root.child("cluster/name").ifPresent(coverage::use);
        for (ClpElement e : root.children()) {
            for (ClpElement c : e.children()) {
                if (Reasons.credential(c.tag())) {
                    coverage.skip(c, Reasons.CREDENTIAL);
                }
            }
        }
        List<ServerMapping.Server> servers = ServerMapping.read(root, coverage, request.overlay(), file);
        List<GroupMapping.Group> groups = GroupMapping.read(root, servers, coverage);
        Scripts scripts = new Scripts(request.scripts(), request.outputDir(), coverage);
        Header header = new Header(request, read, windows);
        Body body = new Body(clusterName, servers);
        List<String> written = new ArrayList<>();
        if (request.overlay()) {
            root.child("resource").ifPresent(r -> coverage.skip(r, "resources: the clusterpro engine reads them from the"
                    + " cluster through the vendor API"));
            root.child("monitor").ifPresent(m -> coverage.skip(m, "monitors: the clusterpro engine reads them from the"
                    + " cluster through the vendor API"));
            for (GroupMapping.Group g : groups) {
                g.members().forEach(coverage::use);
                body.overlayGroup(g, hints(root, g));
                written.add(g.name());
            }
        } else {
            ResourceMapping resources = new ResourceMapping(root, windows, coverage, scripts, new HashSet<>());
            Set<String> resourceNames = new HashSet<>();
            for (GroupMapping.Group g : groups) {
                List<ResourceMapping.Converted> converted = resources.group(g);
                if (converted.isEmpty()) {
                    coverage.skip(g.element(), "no resource of it can run on the embedded engine (see the resources"
                            + " listed here)");
                    continue;
                }
                converted.forEach(r -> resourceNames.add(r.name()));
                body.embeddedGroup(g, converted, Dependencies.of(converted, coverage));
                written.add(g.name());
            }
            root.child("resource").ifPresent(section -> section.children().stream()
                    .filter(r -> !r.tag().equals("types") && !coverage.touched(r))
                    .forEach(r -> coverage.skip(r, "not a member of a converted failover group")));
            body.monitors(new MonitorMapping(coverage, Set.copyOf(written), resourceNames, servers.size()).read(root));
        }
        List<NotConverted> notConverted = coverage.notConverted(root);
        if (written.isEmpty()) {
            throw refused(file, request.overlay(), root, notConverted);
        }
        String yaml = header.render(notConverted, scripts.missing()) + body.render();
        return new Conversion(yaml, List.copyOf(written), notConverted.stream().map(n -> n.path() + ": " + n.why()).toList(),
                scripts.missing().stream().map(Scripts.Missing::written).toList());
    }

    /** Where the group answers and what its first disk is mounted on, from clp.conf, for the overlay's hints. */
    private static Map<String, String> hints(ClpElement root, GroupMapping.Group g) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (ClpElement member : g.members()) {
            String[] ref = member.name().split("@", 2);
            if (ref.length < 2) {
                continue;
            }
            root.child("resource").flatMap(s -> s.children(ref[0]).stream().filter(r -> r.name().equals(ref[1])).findFirst())
                    .ifPresent(r -> {
                        r.text("parameters/ip").ifPresent(ip -> hints.putIfAbsent("fip", ip));
                        r.text("parameters/mount/point").ifPresent(p -> hints.putIfAbsent("mount", p));
                    });
        }
        return hints;
    }

    private static ClpConfRefused refused(String file, boolean overlay, ClpElement root, List<NotConverted> notConverted) {
        String parts = notConverted.stream().filter(n -> n.path().startsWith("/root/group")
                        || n.path().startsWith("/root/resource"))
                .map(n -> "  - " + n.path() + ": " + n.why()).collect(Collectors.joining("\n"));
        String why = root.children("group").isEmpty() ? "it declares no group (/root/group)" : "no failover group is left"
                + " to convert:\n" + parts;
        return new ClpConfRefused(file + " cannot be imported " + (overlay ? "as an overlay for the clusterpro engine"
                : "for the embedded engine") + ": " + why + "\nFix: import a clp.conf with a failover group"
                + (overlay ? "." : " holding a fip, disk, volmgr, Linux md or exec resource, or use --overlay for a"
                + " cluster the clusterpro engine drives."));
    }
}
