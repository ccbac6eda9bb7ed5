package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests' copy of the demo cluster is the shipped one on addresses a running demo never uses. */
class TestDemoClusterTests {

    private static final Path SCRIPTS = Path.of("/opt/checkout/config/scripts");

    @Test
    void theCopySharesNoAddressOrPortWithTheShippedDemo(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(Path.of("config/cluster.yml"));
        String copy = Files.readString(TestDemoCluster.writeTo(dir));

        assertThat(found(TestDemoCluster.ADDRESS.matcher(shipped), 0)).contains("127.0.0.11", "127.0.0.12", "127.0.0.13");
        assertThat(found(TestDemoCluster.ADDRESS.matcher(copy), 0))
                .containsExactlyInAnyOrder(TestDemoCluster.SRV1, TestDemoCluster.SRV2, TestDemoCluster.FLOATING)
                .doesNotContainAnyElementsOf(found(TestDemoCluster.ADDRESS.matcher(shipped), 0));
        assertThat(found(TestDemoCluster.PORT_NUMBER.matcher(copy), 1)).containsExactly(String.valueOf(TestDemoCluster.PORT))
                .doesNotContainAnyElementsOf(found(TestDemoCluster.PORT_NUMBER.matcher(shipped), 1));
        assertThat(copy).contains("url: " + TestDemoCluster.FIP + "/");
    }

    @Test
    void apartFromAddressesPortAndScriptPathsTheCopyIsTheShippedFileLineForLine() throws Exception {
        List<String> shipped = Files.readAllLines(Path.of("config/cluster.yml"));
        List<String> copy = TestDemoCluster.rewrite(String.join("\n", shipped), SCRIPTS).lines().toList();

        assertThat(copy).hasSameSizeAs(shipped);
        for (int i = 0; i < shipped.size(); i++) {
            String line = shipped.get(i);
            if (!line.matches(".*(127\\.0\\.0\\.1[123]|18080|scripts/).*")) {
                assertThat(copy.get(i)).as("line %d", i + 1).isEqualTo(line);
            }
        }
        assertThat(copy).contains("        start: " + SCRIPTS + "/start.sh    # relative to this file",
                "  provision: " + SCRIPTS + "/install.sh    # installs CL/Web 1.0 on each new server");
    }

    @Test
    void aShippedAddressOrPortTheCopyCannotMoveIsRefused() {
        assertThatThrownBy(() -> TestDemoCluster.rewrite("servers:\n  - {name: srv3, address: 127.0.0.14}\n", SCRIPTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has the address 127.0.0.14, which the tests cannot move");
        assertThatThrownBy(() -> TestDemoCluster.rewrite("      - {name: fip2, type: fip, address: 127.0.0.13, port: 18081}\n",
                SCRIPTS)).hasMessageContaining("has the port 18081, which the tests cannot move");
        assertThatThrownBy(() -> TestDemoCluster.rewrite("      url: http://127.0.0.13:18082/\n", SCRIPTS))
                .hasMessageContaining("has the port 18082");
    }

    private static Set<String> found(Matcher matcher, int group) {
        return matcher.results().map(r -> r.group(group)).collect(Collectors.toSet());
    }
}
