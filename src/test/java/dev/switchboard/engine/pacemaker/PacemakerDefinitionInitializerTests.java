package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ServerDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which node discovery asks, through a real command prefix: a script standing in for the lab's
 * node.sh, where srv1 is down (exit 125, as node.sh says) and srv2 answers {@code cibadmin -Q} with
 * the lab's CIB and {@code corosync-cmapctl} with its node list.
 */
class PacemakerDefinitionInitializerTests {

    @TempDir
    Path dir;
    private List<String> prefix;

    @BeforeEach
    void node() throws IOException {
        Path cib = Path.of("src/test/resources/pacemaker/cib-two-live.xml").toAbsolutePath();
        Path corosync = Files.writeString(dir.resolve("nodelist.txt"), PacemakerDefinitionOverlayTests.COROSYNC);
        Path script = Files.writeString(dir.resolve("node.sh"), """
                #!/bin/sh
                node=$1; shift
                [ "$node" = srv2 ] || { echo "node.sh: could not connect to $node: the lab node is not running" >&2; exit 125; }
                case "$1" in
                  cibadmin) cat '%s' ;;
                  corosync-cmapctl) cat '%s' ;;
                  *) exit 127 ;;
                esac
                """.formatted(cib, corosync));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        prefix = List.of(script.toString(), "{node}");
    }

    @Test
    void theFirstContactNodeThatAnswersIsAsked() {
        ClusterDefinition definition = PacemakerDefinitionInitializer.read(dir.resolve("cluster.yml"), null,
                List.of("srv1", "srv2"), commands(), prefix);

        assertThat(definition.servers()).containsExactly(new ServerDefinition("srv1", "10.200.0.1", null),
                new ServerDefinition("srv2", "10.200.0.2", null));
        assertThat(definition.group("failover-clweb").orElseThrow().resources()).hasSize(3);
    }

    @Test
    void withANodeInThePrefixAndNoNodeKnownTheErrorSaysWhatToSet() {
        assertThatThrownBy(() -> PacemakerDefinitionInitializer.read(dir.resolve("cluster.yml"), null, List.of(),
                commands(), prefix))
                .isInstanceOf(ClusterDefinitionInvalid.class)
                .hasMessageContaining("cannot read the CIB from any node: the command prefix names a {node} and no"
                        + " node is known.")
                .hasMessageContaining("set switchboard.pacemaker.contact-nodes to one or more nodes of the cluster");
    }

    @Test
    void whenNoNodeAnswersEachIsNamedWithTheLastFailure() {
        assertThatThrownBy(() -> PacemakerDefinitionInitializer.read(dir.resolve("cluster.yml"), null,
                List.of("srv1"), commands(), prefix))
                .isInstanceOf(ClusterDefinitionInvalid.class)
                .hasMessageContaining("cannot read the CIB from any node (srv1): ");
    }

    private PacemakerCommands commands() {
        return new PacemakerCommands(prefix, Duration.ofSeconds(5));
    }
}
