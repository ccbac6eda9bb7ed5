package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's start and stop scripts refuse to run outside the cluster, as the reference case's do. */
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

    private static String run(String script, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("config/scripts/" + script).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("CLP_") || k.startsWith("SWITCHBOARD_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(10, TimeUnit.SECONDS);
        return "exit " + process.exitValue() + ": " + output;
    }
}
