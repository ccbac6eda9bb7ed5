package dev.switchboard.engine.pacemaker;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's real three-node Pacemaker lab (lab/pacemaker/up.sh), started once per test JVM
 * and torn down when it exits. Without the cluster packages the tests using it are skipped on a
 * developer machine and fail on CI (CI=true), where .ci/run installs them. The names below are
 * those of lab/pacemaker/cib.sh (lab/pacemaker/README.md, "The CIB").
 */
public final class PacemakerLab {

    public static final Path DIR = Path.of("lab/pacemaker").toAbsolutePath();
    public static final Path CLUSTER = DIR.resolve("cluster.yml");
    public static final String SERVICE = "http://127.0.0.1:18090/";
    public static final List<String> PREFIX = List.of(DIR.resolve("node.sh").toString(), "{node}");

    /** The lab's nodes; the group runs on the first two only (srv1 by preference), never on srv3. */
    public static final List<String> NODES = List.of("srv1", "srv2", "srv3");
    public static final String SRV3 = "srv3";
    /** The CL/Web group (fip1, disk1, exec1), home srv1, -INFINITY on srv3. */
    public static final String GROUP = "failover-clweb";
    /** A promotable clone of ocf:pacemaker:Stateful (primitive {@link #PROMOTABLE_PRIMITIVE}), promoted-max 1. */
    public static final String PROMOTABLE = "state-clone";
    public static final String PROMOTABLE_PRIMITIVE = "state";
    /** Where the promoted instance runs after up.sh: a role location prefers it there (score 20). */
    public static final String PROMOTED_HOME = "srv2";
    /** A plain clone of ocf:pacemaker:Dummy (primitive {@link #CLONE_PRIMITIVE}), an instance on every node. */
    public static final String CLONE = "health-clone";
    public static final String CLONE_PRIMITIVE = "health";
    /** A standalone ocf:pacemaker:Dummy: prefers srv3 (score 50), colocated with the plain clone. */
    public static final String STANDALONE = "report";
    public static final String STANDALONE_LOCATION = "location-report-srv3-50";
    public static final String STANDALONE_COLOCATION = "colocation-report-health-clone-INFINITY";
    public static final String STANDALONE_ORDER = "order-health-clone-report-Optional";
    public static final String PROMOTED_LOCATION = "location-state-clone-srv2-promoted-20";
    public static final String GROUP_NOT_ON_SRV3 = "location-failover-clweb-srv3--INFINITY";
    /** The fencing device (stonith:fence_sblab, the lab's own agent), able to fence every node. */
    public static final String FENCE_DEVICE = "fence-lab";
    public static final String FENCE_AGENT = "fence_sblab";
    public static final int STICKINESS = 100;

    private static final List<String> TOOLS = List.of("/usr/sbin/corosync", "/usr/sbin/pacemakerd", "/usr/sbin/crm_mon",
            "/usr/sbin/crm_resource", "/usr/sbin/cibadmin", "/usr/sbin/stonith_admin", "/usr/bin/nsenter", "/usr/bin/tini",
            "/usr/lib/ocf/resource.d/pacemaker/Stateful", "/usr/lib/ocf/resource.d/pacemaker/Dummy");
    private static boolean up;

    private PacemakerLab() {
    }

    /** Starts the lab unless this JVM already did. */
    public static synchronized void up() {
        List<String> missing = TOOLS.stream().filter(t -> !Files.isExecutable(Path.of(t))).toList();
        if (!missing.isEmpty()) {
            String why = "the Pacemaker lab needs " + missing + ": apt-get install --no-install-recommends pacemaker "
                    + "pacemaker-cli-utils pacemaker-resource-agents corosync resource-agents kmod tini socat (.ci/run does)";
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

    /** The lab as Switchboard discovers it at start, with lab/pacemaker/cluster.yml as its overlay. */
    public static ClusterDefinition definition(Path dataDir) {
        ClusterDefinition overlay = ClusterDefinitionReader.overlay(dataDir).read(CLUSTER);
        return PacemakerDefinitionInitializer.read(CLUSTER, overlay, List.of("srv1"), commands(), PREFIX);
    }

    /** The location constraints Pacemaker has now. */
    public static List<Cib.Location> constraints() {
        return Cib.parse(commands().run("srv1", "cibadmin", "-Q").stdout()).locations();
    }

    /**
     * Has the cluster fence the node (lab/pacemaker/fence.sh: stonith_admin on another node, the
     * lab's fence device): its stack is killed, and it stays out of the cluster until
     * {@link #rejoin}. Returns once another node sees it offline; the fencing is in crm_mon's
     * fencing history.
     */
    public static void fence(String node) {
        run(DIR.resolve("fence.sh"), Duration.ofSeconds(90), node);
    }

    /**
     * Brings a fenced node back (lab/pacemaker/rejoin.sh): returns once it is online and runs its
     * clone instances. What moved away stays where it went (stickiness), as after a real fencing.
     */
    public static void rejoin(String node) {
        run(DIR.resolve("rejoin.sh"), Duration.ofSeconds(90), node);
    }

    private static void run(Path script, Duration timeout, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of(script.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
