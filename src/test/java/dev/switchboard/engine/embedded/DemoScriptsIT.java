package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's start and stop scripts refuse to run outside the cluster, as the reference case's
 * do; the demo installer behaves like a vendor's.
 */
class DemoScriptsIT {

    @ParameterizedTest
    @ValueSource(strings = {"start.sh", "stop.sh"})
    void refuseToRunWithoutAClusterEvent(String script) throws Exception {
        assertThat(run(script, Map.of())).isEqualTo("exit 1: " + script
                + ": CLP_EVENT='': this script runs only from the cluster; refusing");
        assertThat(run(script, Map.of("CLP_EVENT", "MANUAL"))).isEqualTo("exit 1: " + script
                + ": CLP_EVENT='MANUAL': this script runs only from the cluster; refusing");
    }

    @org.junit.jupiter.api.Test
    void theStartScriptRefusesWithoutTheSharedDisk() throws Exception {
        assertThat(run("start.sh", Map.of("CLP_EVENT", "START", "CLP_DISK", "FAILURE")))
                .startsWith("exit 1: start.sh: CLP_EVENT=START CLP_DISK=FAILURE")
                .endsWith("start.sh: the shared disk is not connected (CLP_DISK=FAILURE); not starting clweb_serv");
    }

    /** The demo installer, run by hand as the README says, on a running demo cluster. */
    @org.junit.jupiter.api.Test
    void theInstallerRefusesWhileCLWebRunsAndLeavesALocalConfigFolder(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path dataDir) throws Exception {
        Map<String, String> env = Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString());
        try (TestCluster cluster = TestCluster.demo(dataDir)) {
            assertThat(run("update.sh", env)).startsWith("exit 2: usage:");
            assertThat(run("update.sh", env, "srv1", "1.1")).startsWith("exit 1: update.sh: CL/Web is running on srv1");
            assertThat(run("update.sh", env, "srv9", "1.1")).startsWith("exit 1: update.sh: CL/Web is not installed on srv9");
            assertThat(run("update.sh", env, "srv2", "1.1;rm")).isEqualTo("exit 2: update.sh: '1.1;rm' is not a version such as 1.1");

            assertThat(run("update.sh", env, "srv2", "1.1")).isEqualTo("exit 0: update.sh: CL/Web on srv2 updated from 1.0 "
                    + "to 1.1; config is now a local folder (relink it to the shared disk)");
            assertThat(cluster.engine.serverAccess().readFile("srv2", "/usr/local/jcclweb/VERSION")).contains("1.1");
            assertThat(cluster.engine.serverAccess().readFile("srv1", "/usr/local/jcclweb/VERSION")).contains("1.0");
            assertThat(cluster.engine.serverAccess().linkTarget("srv2", "/usr/local/jcclweb/config")).isEmpty();
            assertThat(cluster.engine.serverAccess().readFile("srv2", "/usr/local/jcclweb/config/clweb.conf")).hasValueSatisfying(c ->
                    assertThat(c).contains("CL/Web 1.1 default configuration"));
        }
    }

    private static String run(String script, Map<String, String> env, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("config/scripts/" + script));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("CLP_") || k.startsWith("SWITCHBOARD_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(10, TimeUnit.SECONDS);
        return "exit " + process.exitValue() + ": " + output;
    }
}
