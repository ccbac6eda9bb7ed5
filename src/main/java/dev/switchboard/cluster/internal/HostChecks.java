package dev.switchboard.cluster.internal;

import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.ServerDefinition;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cross-check against the host Switchboard runs on: every script exists and is executable, every
 * disk directory stays inside the data directory (a released disk's processes are killed), and
 * with the embedded engine every server and floating address is a loopback one, because the engine
 * binds them on this host.
 */
final class HostChecks {

    private final Path file;
    private final Path dataDir;
    private final boolean embedded;
    private final Problems problems;

    HostChecks(Path file, Path dataDir, boolean embedded, Problems problems) {
        this.file = file;
        this.dataDir = dataDir;
        this.embedded = embedded;
        this.problems = problems;
    }

    void check(Declarations declared) {
        declared.scripts.forEach(this::script);
        declared.diskDevices.forEach(this::diskDevice);
        if (embedded) {
            for (Declared<ServerDefinition> s : declared.servers) {
                loopback(s.value().address(), s.at());
            }
            for (Declared<FloatingIp> f : declared.floatingIps) {
                loopback(f.value().address(), f.at());
            }
        }
    }

    private void script(Declared<LocalPath> declared) {
        LocalPath script = declared.value();
        YamlMapping m = declared.at();
        if (!Files.isRegularFile(script.resolved())) {
            problems.at(m.nodeOf(script.key()), m.childPath(script.key()), "the script '" + script.text()
                    + "' does not exist (looked for " + script.resolved() + ").", "create it or correct the path "
                    + "(relative to the directory of " + file.getFileName() + ").");
        } else if (!Files.isExecutable(script.resolved())) {
            problems.at(m.nodeOf(script.key()), m.childPath(script.key()), "the script '" + script.text()
                    + "' is not executable.", "run: chmod +x " + script.resolved());
        }
    }

    private void diskDevice(Declared<LocalPath> declared) {
        LocalPath device = declared.value();
        Path base = dataDir.toAbsolutePath().normalize();
        if (Path.of(device.text()).isAbsolute() || !device.resolved().startsWith(base) || device.resolved().equals(base)) {
            YamlMapping r = declared.at();
            problems.at(r.nodeOf(device.key()), r.childPath(device.key()), "'" + device.text()
                    + "' leaves the data directory " + base + ".", "give a path relative to the data directory, "
                    + "e.g. shared/export; Switchboard kills processes using the disk when it is released.");
        }
    }

    private void loopback(String address, YamlMapping m) {
        if (address == null) {
            return;
        }
        try {
            if (!InetAddress.getByName(address).isLoopbackAddress()) {
                problems.at(m.nodeOf("address"), m.childPath("address"), "'" + address + "' is outside 127.0.0.0/8, "
                                + "but the embedded engine runs every server on this host's loopback interface.",
                        "use an address from 127.0.0.0/8 such as 127.0.0.13, or set switchboard.engine.type "
                                + "to drive a real cluster.");
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the reading let through an address it could not parse: " + address, e);
        }
    }
}
