package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ResourceStatus;
import dev.switchboard.engine.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's files and commands go through the command prefix and nowhere else; without a prefix
 * they are refused. The prefix here is {@code env NODE={node}}: it runs on this host, and the
 * command sees which node it was meant for.
 */
class PacemakerServerAccessTests {

    @TempDir
    Path dir;

    @Test
    void withoutAPrefixEveryFileAndCommandIsRefusedNotRunHere() {
        PacemakerServerAccess access = access(List.of());

        for (Runnable call : List.<Runnable>of(() -> access.readFile("srv2", "/etc/hostname"),
                () -> access.linkTarget("srv2", "/usr/local/jcclweb/config"),
                () -> access.relink("srv2", dir.resolve("link").toString(), "/etc", dir),
                () -> access.runOnServer("failover-clweb", "srv2", Path.of("/bin/true"), List.of(), Duration.ofSeconds(5)))) {
            assertThatThrownBy(call::run).isInstanceOf(OperationNotAllowed.class)
                    .hasMessageContaining("switchboard.pacemaker.command-prefix is empty");
        }
        assertThat(dir.resolve("link")).doesNotExist();
    }

    @Test
    void anUnknownServerIsNamed() {
        PacemakerServerAccess access = access(List.of("env", "NODE={node}"));

        assertThatThrownBy(() -> access.readFile("srv9", "/etc/hostname")).isInstanceOf(NameNotFound.class)
                .hasMessageContaining("srv9");
        assertThatThrownBy(() -> access.applicationProcessesOn("failover-clweb", "srv9")).isInstanceOf(NameNotFound.class);
    }

    @Test
    void aCommandRunsThroughThePrefixForItsNodeWithItsArguments() {
        PacemakerServerAccess access = access(List.of("env", "NODE={node}"));

        ScriptRun run = access.runOnServer("failover-clweb", "srv2", Path.of("/bin/sh"),
                List.of("-c", "echo \"$NODE $*\"", "update", "srv2", "1.1"), Duration.ofSeconds(5));

        assertThat(run.succeeded()).as(run.outputTail()).isTrue();
        assertThat(run.outputTail()).isEqualTo("srv2 srv2 1.1");
        assertThat(run.server()).isEqualTo("srv2");
    }

    @Test
    void aCommandsLinesArriveWhileItRunsOnTheNode() {
        // the command waits until the caller has seen its first line: lines handed on only at the end would time out
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path seen = dir.resolve("seen");
        ScriptRun run = access(List.of("env", "NODE={node}")).runOnServer("failover-clweb", "srv2", Path.of("/bin/sh"),
                List.of("-c", "echo \"unpacking on $NODE\"; while [ ! -e " + seen + " ]; do sleep 0.05; done; echo done"),
                Duration.ofSeconds(10), line -> {
                    lines.add(line);
                    seen.toFile().mkdir();
                });

        assertThat(run.timedOut()).as("the first line reached the caller before the command ended").isFalse();
        assertThat(lines).containsExactly("unpacking on srv2", "done");
        assertThat(run.outputTail()).as("the tail as before").isEqualTo("unpacking on srv2\ndone");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsReportedAsTimedOut() {
        ScriptRun run = access(List.of("env", "NODE={node}")).runOnServer("failover-clweb", "srv1", Path.of("/bin/sleep"),
                List.of("5"), Duration.ofMillis(200));

        assertThat(run.timedOut()).isTrue();
        assertThat(run.succeeded()).isFalse();
    }

    @Test
    void relinkKeepsWhatWasThereAndReadsBackTheLink() throws IOException {
        PacemakerServerAccess access = access(List.of("env", "NODE={node}"));
        Path config = Files.createDirectories(dir.resolve("jcclweb/config"));
        Files.writeString(config.resolve("clweb.conf"), "local");

        var kept = access.relink("srv2", config.toString(), "/mnt/export/config", dir.resolve("kept"));

        assertThat(kept).contains(dir.resolve("kept/srv2-config"));
        assertThat(dir.resolve("kept/srv2-config/clweb.conf")).hasContent("local");
        assertThat(access.linkTarget("srv2", config.toString())).contains("/mnt/export/config");
        assertThat(access.relink("srv2", config.toString(), "/etc", dir.resolve("kept"))).as("a link holds no data")
                .isEmpty();
        assertThat(access.linkTarget("srv2", config.toString())).contains("/etc");
    }

    @Test
    void readsASmallFileTrimmedAndNothingForAMissingOne() throws IOException {
        PacemakerServerAccess access = access(List.of("env", "NODE={node}"));
        Files.writeString(dir.resolve("VERSION"), "1.1\n");

        assertThat(access.readFile("srv1", dir.resolve("VERSION").toString())).contains("1.1");
        assertThat(access.readFile("srv1", dir.resolve("missing").toString())).isEmpty();
        assertThat(access.linkTarget("srv1", dir.resolve("VERSION").toString())).as("no link").isEmpty();
    }

    @Test
    void theApplicationCountIsPacemakersViewOfTheAgentRunMembers() {
        PacemakerServerAccess access = access(List.of());

        assertThat(access.applicationProcessesOn("failover-clweb", "srv1")).isEqualTo(1);
        assertThat(access.applicationProcessesOn("failover-clweb", "srv2")).isZero();
        assertThatThrownBy(() -> access.applicationProcessesOn("no-such-group", "srv1")).isInstanceOf(NameNotFound.class);
    }

    private PacemakerServerAccess access(List<String> prefix) {
        return new PacemakerServerAccess(definition(), PacemakerServerAccessTests::reading,
                new PacemakerCommands(prefix, Duration.ofSeconds(5)));
    }

    /** The lab's overlay laid over the lab's CIB. */
    private ClusterDefinition definition() {
        Path file = Path.of("lab/pacemaker/cluster.yml");
        String cib = readString(Path.of("src/test/resources/pacemaker/cib-two-live.xml"));
        return PacemakerDefinitionOverlay.merge(file, ClusterDefinitionReader.overlay(dir).read(file), Cib.parse(cib),
                PacemakerDefinitionFacts.read(cib, PacemakerDefinitionOverlayTests.COROSYNC));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lab's group on srv1: its address, its disk and the application (an exec agent). */
    private static ClusterSnapshot reading() {
        List<ResourceStatus> members = List.of(member("fip1", "fip"), member("disk1", "disk"), member("exec1", "exec"));
        GroupStatus group = new GroupStatus("failover-clweb", ActivationState.ONLINE, "srv1", List.of("srv1", "srv2"),
                members, null, null);
        return new ClusterSnapshot("lab", Instant.now(), List.of(), List.of(group), List.of());
    }

    private static ResourceStatus member(String name, String type) {
        return new ResourceStatus(name, type, "failover-clweb", ActivationState.ONLINE, "srv1", List.of(), null, List.of());
    }
}
