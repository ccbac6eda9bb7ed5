package dev.switchboard.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.TestDemoCluster;
import dev.switchboard.cluster.ImportClpConfCommand;
import dev.switchboard.cluster.clpconf.ClpConfCorpus;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.GroupStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference case's shape from a real clp.conf: the corpus file with fip + volmgr + disk + exec,
 * imported, its scripts replaced by the demo's, moved onto the tests' own loopback addresses, and
 * run on the embedded engine: the group comes Online and the floating address answers.
 */
class ClpConfImportIT {

    static final String FIP_DISK_EXEC = "EXPRESSCLUSTER_CreateClusterOnLinux_src-502a973-lin-fip-volmgr-disk-exec.conf";

    @TempDir
    Path dir;

    TestCluster cluster;

    @AfterEach
    void shutDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theImportedReferenceShapeRunsWithTheDemosScripts() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path exec1 = Files.createDirectories(config.resolve("scripts/failover/exec1"));
        for (String script : List.of("start.sh", "stop.sh")) {
            Files.copy(Path.of("config/scripts", script), exec1.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int exit = ImportClpConfCommand.run(List.of(ClpConfCorpus.file(FIP_DISK_EXEC).toString(),
                        "--scripts", config.resolve("scripts").toString(), "--output", config.resolve("cluster.yml").toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(messages, true, StandardCharsets.UTF_8));
        assertThat(exit).as(messages.toString(StandardCharsets.UTF_8)).isZero();
        String imported = Files.readString(config.resolve("cluster.yml"));
        assertThat(imported).doesNotContain("Scripts missing").contains("start: scripts/failover/exec1/start.sh");

        cluster = TestCluster.custom(dir, onTestAddresses(imported), Map.of());
        cluster.engine.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> group().state() == ActivationState.ONLINE);
        assertThat(group().currentServer()).isEqualTo("server1");
        assertThat(group().resources()).extracting(r -> r.name()).containsExactly("fip1", "volmgr1", "disk1", "exec1");
        Optional<HttpResponse<String>> answer = TestCluster.get(TestDemoCluster.FIP + "/");
        assertThat(answer).hasValueSatisfying(r -> assertThat(r.body()).startsWith("CL/Web on server1,"));
    }

    /**
     * The imported addresses (127.0.2.x) moved to the tests' own, the placeholder port to theirs, and
     * what the demo needs besides its scripts: an install directory, its installer, and its process monitor.
     */
    private static String onTestAddresses(String imported) {
        String yaml = imported.replace("address: 127.0.2.1 ", "address: " + TestDemoCluster.SRV1 + " ")
                .replace("address: 127.0.2.2 ", "address: " + TestDemoCluster.SRV2 + " ")
                .replace("address: 127.0.2.101 ", "address: " + TestDemoCluster.FLOATING + " ")
                .replace("port: 18080 ", "port: " + TestDemoCluster.PORT + " ")
                .replaceAll("(?m)^(    address: .*)$", "$1\n    install-dir: /usr/local/jcclweb");
        assertThat(yaml).doesNotContainPattern("address: 127\\.0\\.2\\.").contains("install-dir", "port: " + TestDemoCluster.PORT);
        return yaml + """

                monitors:
                  - name: psw1
                    type: process-name
                    pattern: "clweb_serv*"
                    interval: 1s
                    timeout: 5s
                    timing: active
                    target-resource: exec1
                    recovery:
                      target: failover

                embedded:
                  provision: %s
                """.formatted(Path.of("config/scripts/install.sh").toAbsolutePath());
    }

    private GroupStatus group() {
        return cluster.engine.snapshot().groups().stream().filter(g -> g.name().equals("failover")).findFirst().orElseThrow();
    }
}
