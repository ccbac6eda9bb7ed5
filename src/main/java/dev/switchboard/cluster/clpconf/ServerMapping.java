package dev.switchboard.cluster.clpconf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /root/server@<name>} in priority order (0 = master first), each with the address of its
 * LAN device 0, or else of its first LAN device. For the embedded engine, which runs every server on
 * this host's loopback interface, each gets a loopback address of its own and keeps the clp.conf
 * one as a comment.
 */
final class ServerMapping {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    /** The embedded output's loopback network: neither the demo's 127.0.0.x nor the tests' 127.0.1.x. */
    static final String LOOPBACK_SERVERS = "127.0.2.";

    /** A server as written: its cluster.yml address, and the clp.conf address it stands for. */
    record Server(String name, String address, String clpAddress) {
    }

    private ServerMapping() {
    }

    static List<Server> read(ClpElement root, Coverage coverage, boolean overlay, String file) {
        List<ClpElement> elements = new ArrayList<>(root.children("server"));
        elements.sort(Comparator.comparingInt(ServerMapping::priority));
        List<String> problems = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        for (ClpElement s : elements) {
            String name = s.name();
            Optional<ClpElement> lan = lan(s);
            String clpAddress = lan.flatMap(d -> d.text("info")).orElse("");
            if (!NAME.matcher(name).matches()) {
                problems.add(s.path() + ": the server name '" + name + "' is not a valid name (a template's"
                        + " placeholder?); Switchboard's names use letters, digits, '-', '_' or '.'");
            } else if (lan.isEmpty()) {
                problems.add(s.path() + ": the server has no LAN device (<device><type>lan</type>), so it has no address");
            } else if (overlay && !IPV4.matcher(clpAddress).matches()) {
                problems.add(lan.get().path() + "/info: '" + clpAddress + "' is not an IPv4 address (a template's"
                        + " placeholder?)");
            } else {
                String address = overlay ? clpAddress : LOOPBACK_SERVERS + (servers.size() + 1);
                servers.add(new Server(name, address, clpAddress));
                s.child("priority").ifPresent(coverage::use);
                lan.get().children().forEach(coverage::use);
            }
        }
        if (elements.isEmpty()) {
            problems.add("/root/server: clp.conf declares no server");
        }
        if (!problems.isEmpty()) {
            throw new ClpConfRefused(file + " cannot be imported: its servers cannot be converted.\n  - "
                    + String.join("\n  - ", problems) + "\nFix: import the clp.conf of a configured cluster"
                    + " (a template must be filled in first).");
        }
        return servers;
    }

    private static Optional<ClpElement> lan(ClpElement server) {
        List<ClpElement> lans = server.children("device").stream()
                .filter(d -> d.text("type").orElse("").equals("lan")).toList();
        return lans.stream().filter(d -> d.id().equals("0")).findFirst().or(() -> lans.stream().findFirst());
    }

    private static int priority(ClpElement server) {
        try {
            return Integer.parseInt(server.text("priority").orElse(""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // no priority: after the ranked ones, in file order (the sort is stable)
        }
    }
}
