package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.FinalAction;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the kinds of value that several key paths share: names, IPv4 addresses, plain absolute
 * paths on a server, scripts and disk directories on this host, required lists and final actions.
 * A wrong value is recorded with its key path and read as null (or the default) so reading goes on.
 */
final class CommonValues {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    static final String NAME_FIX = "use letters, digits, '-', '_' or '.', no spaces, at most 63 characters.";

    private final Path file;
    private final Path dataDir;
    private final Problems problems;
    private final Declarations declared;

    CommonValues(Path file, Path dataDir, Problems problems, Declarations declared) {
        this.file = file;
        this.dataDir = dataDir;
        this.problems = problems;
        this.declared = declared;
    }

    Problems problems() {
        return problems;
    }

    Declarations declared() {
        return declared;
    }

    /** The required {@code name}, or null when it is missing or not a valid name. */
    String name(YamlMapping m, String fix) {
        String name = m.requiredString("name", fix);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.at(m.nodeOf("name"), m.childPath("name"), "'" + name + "' is not a valid name.", NAME_FIX);
            return null;
        }
        return name;
    }

    /** A required IPv4 address in dotted form, or null; whether it suits the engine is a host check. */
    String address(YamlMapping m, String key) {
        String text = m.requiredString(key, "give an IPv4 address such as 127.0.0.13.");
        if (text == null) {
            return null;
        }
        if (!IPV4.matcher(text).matches()) {
            problems.at(m.nodeOf(key), m.childPath(key), "'" + text + "' is not an IPv4 address.",
                    "write four numbers separated by dots, e.g. 127.0.0.13.");
            return null;
        }
        try {
            InetAddress.getByName(text); // a dotted quad is parsed, never looked up
            return text;
        } catch (UnknownHostException e) {
            problems.at(m.nodeOf(key), m.childPath(key), "'" + text + "' is not an IPv4 address.",
                    "each of the four numbers must be from 0 to 255.");
            return null;
        }
    }

    /** A path on the server: absolute, without "." or ".." steps (the embedded engine places it under the server's root). */
    void absolutePath(YamlMapping m, String key, String path, String example) {
        if (path != null && (!path.startsWith("/") || !Path.of(path).normalize().toString().equals(path)
                || path.equals("/"))) {
            problems.at(m.nodeOf(key), m.childPath(key), "'" + path + "' is not a plain absolute path.",
                    "write it as on the server, without '.' or '..' steps, e.g. " + example + ".");
        }
    }

    /** A required script, relative to the directory of cluster.yml; null when missing. */
    Path requiredScript(YamlMapping r, String key) {
        String text = r.requiredString(key, "give the path of the " + key + " script, relative to the directory of "
                + file.getFileName() + ", e.g. '" + key + ": scripts/" + key + ".sh'.");
        return text == null ? null : script(r, key, text);
    }

    /** A script relative to the directory of cluster.yml; whether it exists is a host check. */
    Path script(YamlMapping m, String key, String text) {
        Path script = file.toAbsolutePath().getParent().resolve(text).normalize();
        declared.scripts.add(new Declared<>(new LocalPath(key, text, script), m));
        return script;
    }

    /** A disk's directory relative to the data directory; whether it stays inside is a host check. */
    Path diskDevice(YamlMapping r, String device) {
        Path path = dataDir.toAbsolutePath().normalize().resolve(device).normalize();
        declared.diskDevices.add(new Declared<>(new LocalPath("device", device, path), r));
        return path;
    }

    /** A required list of mappings; missing or empty is a problem with {@code fix}. */
    List<YamlMapping> requiredList(YamlMapping parent, String key, String fix) {
        if (!parent.has(key)) {
            problems.at(parent.node(), parent.childPath(key), "the required key '" + key + "' is missing.", fix);
            return List.of();
        }
        List<YamlMapping> items = parent.mappings(key);
        if (items.isEmpty() && parent.value(key).map(v -> v instanceof ScalarNode).orElse(false)) {
            problems.at(parent.nodeOf(key), parent.childPath(key), "'" + key + "' is empty.", fix);
        }
        return items;
    }

    /** Only the keys every resource has ({@code common}) and those of its type. */
    static void allow(YamlMapping r, List<String> common, String... specific) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(specific));
        r.allowOnly(all.toArray(String[]::new));
    }

    FinalAction finalAction(YamlMapping m, FinalAction defaultValue) {
        Optional<String> text = m.string("final-action");
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (FinalAction action : FinalAction.values()) {
            if (action.key().equals(text.get())) {
                return action;
            }
        }
        problems.at(m.nodeOf("final-action"), m.childPath("final-action"),
                "unknown final action '" + text.get() + "'.", "use none or stop-group.");
        return defaultValue;
    }

    /** A cluster manager (Pacemaker) has its own resources and monitors: Switchboard reads them from it. */
    <T> List<T> fromClusterManager(YamlMapping m, String key) {
        if (m.has(key)) {
            problems.at(m.nodeOf(key), m.childPath(key), "'" + key + "' is read from the cluster manager (the CIB) "
                    + "when switchboard.engine.type is pacemaker.", "remove '" + key + "' from this file.");
        }
        return List.of();
    }
}
