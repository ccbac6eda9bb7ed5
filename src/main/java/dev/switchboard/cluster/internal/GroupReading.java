package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.LinkCheck;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.RollingUpdate;
import dev.switchboard.cluster.ServiceCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code groups[i]}: name, servers, switches, impact notes, link checks, service check,
 * rolling update, and (with the embedded engine) the resources through {@link ResourceReading}.
 */
final class GroupReading {

    /** The update command runs while the operator waits on the page, holding the run. */
    static final Duration LONGEST_UPDATE = Duration.ofHours(1);

    private final CommonValues values;
    private final Problems problems;
    private final boolean embedded;
    /** The cluster manager knows the groups and where they may run: both may be left out. */
    private final boolean overlay;

    GroupReading(CommonValues values, boolean embedded, boolean overlay) {
        this.values = values;
        this.problems = values.problems();
        this.embedded = embedded;
        this.overlay = overlay;
    }

    void read(YamlMapping top) {
        if (overlay && !top.has("groups")) {
            return;
        }
        ResourceReading resources = new ResourceReading(values);
        for (YamlMapping g : values.requiredList(top, "groups", "declare at least one failover group.")) {
            g.allowOnly("name", "servers", "auto-start", "auto-failover", "impact-notes", "link-checks", "service-check",
                    "rolling-update", "resources");
            String name = values.name(g, "give each group a unique name such as failover-clweb.");
            List<String> servers = servers(g);
            boolean autoStart = g.bool("auto-start", true);
            boolean autoFailover = g.bool("auto-failover", true);
            List<String> notes = g.strings("impact-notes");
            List<LinkCheck> links = g.mappings("link-checks").stream().map(this::linkCheck).toList();
            ServiceCheck serviceCheck = g.mapping("service-check").map(this::serviceCheck).orElse(null);
            RollingUpdate rollingUpdate = g.mapping("rolling-update").map(this::rollingUpdate).orElse(null);
            List<Resource> groupResources = embedded ? resources.read(g) : values.fromClusterManager(g, "resources");
            values.declared().groups.add(new Declared<>(new FailoverGroup(name, servers, autoStart, autoFailover, notes,
                    links, serviceCheck, rollingUpdate, groupResources), g));
        }
    }

    /** The group's server names as written; whether they are servers of the cluster is a cross-check. */
    private List<String> servers(YamlMapping g) {
        List<String> servers = g.strings("servers");
        if (!g.has("servers")) {
            if (overlay) {
                return List.of();
            }
            problems.at(g.node(), g.childPath("servers"), "the required key 'servers' is missing.",
                    "list the servers that may run the group, home server first, e.g. 'servers: [srv1, srv2]'.");
        } else if (servers.isEmpty()) {
            problems.at(g.nodeOf("servers"), g.childPath("servers"),
                    "the group lists no servers.", "list the servers that may run it, home server first.");
        }
        return servers;
    }

    private ServiceCheck serviceCheck(YamlMapping m) {
        m.allowOnly("url", "expect", "accept-certificates", "accept-self-signed");
        String url = m.requiredString("url", "give the address clients use, e.g. http://127.0.0.13:18080/.");
        if (url != null && !url.matches("https?://[^\\s]+")) {
            problems.at(m.nodeOf("url"), m.childPath("url"), "'" + url + "' is not an http(s) address.",
                    "write it as http://host:port/path.");
        }
        if (m.has("accept-self-signed")) {
            // it accepted any certificate that signed itself, so whoever intercepts the check passes it
            problems.at(m.nodeOf("accept-self-signed"), m.childPath("accept-self-signed"),
                    "accept-self-signed is not a setting: it would accept any self-signed certificate from"
                            + " whoever answers.", "pin the service's own certificate instead: accept-certificates:"
                            + " [sha256/<fingerprint>], the fingerprint from " + FINGERPRINT_COMMAND + ".");
        }
        List<String> pinned = acceptCertificates(m);
        if (m.has("accept-certificates") && url != null && !url.startsWith("https://")) {
            problems.at(m.nodeOf("accept-certificates"), m.childPath("accept-certificates"),
                    "accept-certificates applies to https addresses only, and '" + url + "' is not one.",
                    "remove accept-certificates, or write the address as https://host:port/path.");
        }
        return new ServiceCheck(url, m.string("expect").orElse(""), pinned);
    }

    private static final String FINGERPRINT_COMMAND = "'openssl x509 -in cert.pem -noout -fingerprint -sha256'";

    /** The pinned fingerprints as {@code sha256/<lowercase hex>}; openssl's colons are allowed. */
    private List<String> acceptCertificates(YamlMapping m) {
        String key = "accept-certificates";
        List<String> written = m.strings(key);
        if (m.has(key) && written.isEmpty()) {
            problems.at(m.nodeOf(key), m.childPath(key), "accept-certificates lists no certificate.",
                    "list the SHA-256 fingerprints of the certificates to accept, e.g. [sha256/ab12…], from "
                            + FINGERPRINT_COMMAND + "; or remove the key.");
        }
        List<String> pinned = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String text = written.get(i).strip();
            String hex = text.regionMatches(true, 0, "sha256/", 0, 7) ? text.substring(7).replace(":", "") : null;
            String problem = hex == null ? "'" + text + "' does not start with sha256/."
                    : !hex.matches("[0-9a-fA-F]*") ? "'" + text + "' has characters that are not hex digits."
                    : hex.length() != 64 ? "'" + text + "' has " + hex.length() + " hex digits, not the 64 of a SHA-256"
                            + " fingerprint." : null;
            if (problem != null) {
                problems.at(m.nodeOf(key), m.childPath(key) + "[" + i + "]", problem,
                        "write sha256/ and the certificate's SHA-256 fingerprint (64 hex digits, colons allowed),"
                                + " as " + FINGERPRINT_COMMAND + " prints it.");
            } else {
                pinned.add("sha256/" + hex.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return pinned;
    }

    private RollingUpdate rollingUpdate(YamlMapping m) {
        m.allowOnly("version-file", "update-command", "update-timeout");
        String versionFile = m.requiredString("version-file",
                "give the file on each server that holds the installed version, e.g. /usr/local/jcclweb/VERSION.");
        values.absolutePath(m, "version-file", versionFile, "/usr/local/jcclweb/VERSION");
        Path command = m.string("update-command").map(c -> values.script(m, "update-command", c)).orElse(null);
        Duration timeout = m.duration("update-timeout", Duration.ofMinutes(10), Duration.ofSeconds(1));
        if (timeout.compareTo(LONGEST_UPDATE) > 0) {
            problems.at(m.nodeOf("update-timeout"), m.childPath("update-timeout"), "'" + timeout.toMinutes()
                    + "m' is too long for a command the operator waits for.", "use at most 1h.");
        }
        return new RollingUpdate(versionFile, command, timeout);
    }

    private LinkCheck linkCheck(YamlMapping m) {
        m.allowOnly("link", "target");
        String link = m.requiredString("link", "give the link's path on the server, e.g. /usr/local/jcclweb/config.");
        String target = m.requiredString("target", "give where it must point, e.g. /mnt/export/config.");
        values.absolutePath(m, "link", link, "/usr/local/jcclweb/config");
        values.absolutePath(m, "target", target, "/mnt/export/config");
        return new LinkCheck(link, target);
    }
}
