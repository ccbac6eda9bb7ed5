package dev.switchboard.cluster.clpconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A failover group's members ({@code <group><resource name="type@name"/>}) looked up under
 * {@code /root/resource} and converted for the embedded engine: fip → fip, disk → disk, volmgr and
 * Linux md → disk (a directory standing for the volume or mirror), exec → exec with its scripts.
 * Windows resource types and the rest are listed as not converted with why.
 */
final class ResourceMapping {

    /** One {@code key: value  # comment} line of a resource. */
    record Entry(String key, String value, String comment) {
    }

    /** A converted resource: its lines, its dependency list (resolved later) and its activation recovery. */
    record Converted(String name, String type, String note, ClpElement element, List<Entry> entries,
                     List<Entry> recovery) {
    }

    /** The fip's port: clp.conf has none, the reader needs one; the header tells the operator to set it. */
    static final int PLACEHOLDER_PORT = 18080;
    static final String LOOPBACK_FIPS = "127.0.2.";
    private static final String U = " [U]";

    private final ClpElement root;
    private final boolean windows;
    private final Coverage coverage;
    private final Scripts scripts;
    private final Set<String> takenNames;
    private int fips;

    ResourceMapping(ClpElement root, boolean windows, Coverage coverage, Scripts scripts, Set<String> takenNames) {
        this.root = root;
        this.windows = windows;
        this.coverage = coverage;
        this.scripts = scripts;
        this.takenNames = takenNames;
    }

    List<Converted> group(GroupMapping.Group group) {
        List<Converted> converted = new ArrayList<>();
        for (ClpElement member : group.members()) {
            String ref = member.name();
            int at = ref.indexOf('@');
            Optional<ClpElement> found = at < 0 ? Optional.empty() : root.child("resource").flatMap(section -> section
                    .children(ref.substring(0, at)).stream().filter(r -> r.name().equals(ref.substring(at + 1))).findFirst());
            if (found.isEmpty()) {
                coverage.skip(member, "names '" + ref + "', which is not under /root/resource");
                continue;
            }
            coverage.use(member);
            resource(group.name(), found.get()).ifPresent(converted::add);
        }
        return converted;
    }

    private Optional<Converted> resource(String group, ClpElement r) {
        String type = r.tag();
        String why = unsupported(type);
        if (why != null) {
            coverage.skip(r, why);
            return Optional.empty();
        }
        if (!ServerMapping.NAME.matcher(r.name()).matches() || !takenNames.add(r.name())) {
            coverage.skip(r, "the name '" + r.name() + "' is not a valid name or is used by another resource;"
                    + " cluster.yml needs unique names of letters, digits, '-', '_' or '.'");
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        String ourType = "disk";
        String note = null;
        switch (type) {
            case "fip" -> {
                ourType = "fip";
                String ip = use(r, "parameters/ip").orElse("(none)");
                entries.add(new Entry("address", LOOPBACK_FIPS + (101 + fips++), "clp.conf: " + ip
                        + " (the embedded engine binds floating addresses on this host's loopback)"));
                entries.add(new Entry("port", Integer.toString(PLACEHOLDER_PORT), "SET ME: clp.conf has no port;"
                        + " give the port clients use"));
            }
            case "disk", "md" -> {
                note = type.equals("md") ? "mirror disk md@" + r.name() + " shown as a disk: one shared directory,"
                        + " no mirroring" : "shared disk: a directory standing for " + r.text("parameters/device")
                        .orElse("the device");
                use(r, "parameters/device");
                disk(r, entries, use(r, "parameters/mount/point"));
            }
            case "volmgr" -> {
                note = "volume manager " + use(r, "parameters/type").orElse("lvm") + " "
                        + use(r, "parameters/devname").orElse("") + " shown as a disk";
                disk(r, entries, Optional.empty());
            }
            default -> {
                ourType = "exec";
                entries.add(scripts.entry(r, group, "start", "parameters/act/path", "start.sh"));
                entries.add(scripts.entry(r, group, "stop", "parameters/deact/path", "stop.sh"));
                entries.add(timeout(r));
                r.child("parameters/userlog").ifPresent(l -> coverage.skip(l, "Switchboard keeps each script's output"
                        + " in its own log"));
                r.child("parameters/logrotate").ifPresent(l -> coverage.skip(l, "Switchboard rotates script logs itself"));
            }
        }
        r.child("act/timeout").ifPresent(t -> coverage.skip(t, "the vendor's internal activation timeout: the script"
                + " timeout is converted"));
        r.child("deact").ifPresent(d -> coverage.skip(d, "deactivation settings: cluster.yml has no recovery for a"
                + " failed stop"));
        return Optional.of(new Converted(r.name(), ourType, note, r, entries, recovery(r)));
    }

    /** Why a resource type cannot be converted, or null when it can. */
    private String unsupported(String type) {
        return switch (type) {
            case "fip" -> null;
            case "disk", "volmgr", "exec" -> windows ? "a Linux resource type in a Windows (serveros windows) clp.conf"
                    : null;
            case "md" -> windows ? "a Windows mirror disk (drive letters and volume GUIDs): the embedded engine's disks"
                    + " are directories on this host" : null;
            case "service" -> "a Windows service: cluster.yml has no Windows services";
            case "script", "appli" -> "a Windows " + (type.equals("script") ? "script (start.bat/stop.bat)" : "application")
                    + " resource: the embedded engine runs Linux shell scripts";
            case "sd", "vcom" -> "a Windows-only resource type: the embedded engine runs on this Linux host";
            default -> "the resource type '" + type + "' has no counterpart in cluster.yml (fip, disk, exec, service)";
        };
    }

    private void disk(ClpElement r, List<Entry> entries, Optional<String> mountPoint) {
        entries.add(new Entry("device", "shared/" + r.name(), "a directory under the data directory"));
        entries.add(new Entry("mount-point", YamlText.scalar(mountPoint.filter(p -> p.startsWith("/"))
                .orElse("/mnt/" + r.name())), mountPoint.isPresent() ? "clp.conf mount/point" : "SET ME: clp.conf has"
                + " no mount point for it"));
        r.child("parameters/fs").ifPresent(f -> coverage.skip(f, "the file system: Switchboard's disk is a directory"));
        r.child("parameters/disktype").ifPresent(f -> coverage.skip(f, "the disk type: Switchboard's disk is a directory"));
    }

    private Entry timeout(ClpElement r) {
        VendorCodes.Converted start = VendorCodes.seconds(use(r, "parameters/timeout/start"), "timeout/start", 1800, "", 1);
        VendorCodes.Converted stop = VendorCodes.seconds(use(r, "parameters/timeout/stop"), "timeout/stop", 1800, "", 1);
        int a = Integer.parseInt(start.value().replace("s", ""));
        int b = Integer.parseInt(stop.value().replace("s", ""));
        return new Entry("timeout", Math.max(a, b) + "s", start.comment() + ", " + stop.comment()
                + (a == b ? "" : "; one timeout for both: the longer"));
    }

    private List<Entry> recovery(ClpElement r) {
        VendorCodes.Converted retry = VendorCodes.count(use(r, "act/retry"), "act/retry", 0, U);
        VendorCodes.Converted fo = VendorCodes.count(use(r, "act/fo"), "act/fo", 1, U);
        VendorCodes.Converted action = VendorCodes.finalAction(use(r, "act/action"), "act/action", "1", "");
        return List.of(new Entry("retry-count", retry.value(), retry.comment()),
                new Entry("failover-count", fo.value(), fo.comment()),
                new Entry("final-action", action.value(), action.comment()));
    }

    private Optional<String> use(ClpElement r, String path) {
        r.child(path).ifPresent(coverage::use);
        return r.text(path);
    }
}
