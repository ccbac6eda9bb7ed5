package dev.switchboard.engine.pacemaker;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's real two-node Pacemaker lab (lab/pacemaker/up.sh), started once per test JVM
 * and torn down when it exits. Without the cluster packages the tests using it are skipped on a
 * developer machine and fail on CI (CI=true), where .ci/run installs them.
 */
public final class PacemakerLab {

    public static final Path DIR = Path.of("lab/pacemaker").toAbsolutePath();
    public static final Path CLUSTER = DIR.resolve("cluster.yml");
    public static final String SERVICE = "http://127.0.0.1:18090/";
    public static final List<String> PREFIX = List.of(DIR.resolve("node.sh").toString(), "{node}");
    private static final List<String> TOOLS = List.of("/usr/sbin/corosync", "/usr/sbin/pacemakerd", "/usr/sbin/crm_mon",
            "/usr/sbin/crm_resource", "/usr/sbin/cibadmin", "/usr/bin/nsenter", "/usr/bin/tini");
    private static boolean up;

    private PacemakerLab() {
    }

    /** Starts the lab unless this JVM already did. */
    public static synchronized void up() {
        List<String> missing = TOOLS.stream().filter(t -> !Files.isExecutable(Path.of(t))).toList();
        if (!missing.isEmpty()) {
            String why = "the Pacemaker lab needs " + missing + ": apt-get install --no-install-recommends pacemaker "
                    + "pacemaker-cli-utils corosync resource-agents kmod tini socat (.ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        if (!up) {
            run(DIR.resolve("up.sh"), Duration.ofSeconds(120));
            up = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(DIR.resolve("down.sh"), Duration.ofSeconds(60))));
        }
    }

    public static PacemakerCommands commands() {
        return new PacemakerCommands(PREFIX, Duration.ofSeconds(15));
    }

    /** lab/pacemaker/cluster.yml completed from the lab's CIB, as Switchboard reads it. */
    public static ClusterDefinition definition(Path dataDir) {
        ClusterDefinition declared = new ClusterDefinitionReader(dataDir, false).read(CLUSTER);
        return PacemakerDefinition.complete(declared, Cib.parse(commands().run("srv1", "cibadmin", "-Q").stdout()));
    }

    /** The location constraints Pacemaker has now. */
    public static List<Cib.Location> constraints() {
        return Cib.parse(commands().run("srv1", "cibadmin", "-Q").stdout()).locations();
    }

    private static void run(Path script, Duration timeout) {
        try {
            Process process = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
