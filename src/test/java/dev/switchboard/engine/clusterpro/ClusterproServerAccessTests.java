package dev.switchboard.engine.clusterpro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.engine.polling.ServerCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servers' files and commands go through switchboard.clusterpro.command-prefix and nowhere
 * else; without one they are refused. The prefix here is {@code env NODE={node}}: it runs on
 * this host, and the command sees which server it was meant for.
 */
class ClusterproServerAccessTests {

    @TempDir
    Path dir;

    private static ClusterproServerAccess access(List<String> prefix) {
        VendorSnapshots snapshots = new VendorSnapshots(VendorAnswers.definition());
        return new ClusterproServerAccess(VendorAnswers.definition(), () -> snapshots.of(VendorAnswers.reading("Online",
                "srv1", "Normal", "Offline", VendorAnswers.AT), Map.of()), new ServerCommands(prefix, Duration.ofSeconds(5)));
    }

    @Test
    void withoutAPrefixEveryMethodIsRefusedNamingTheSetting() {
        ClusterproServerAccess access = access(List.of());

        for (Runnable call : List.<Runnable>of(() -> access.readFile("srv2", "/etc/hostname"),
                () -> access.linkTarget("srv2", "/usr/local/jcclweb/config"),
                () -> access.relink("srv2", dir.resolve("link").toString(), "/etc", dir),
                () -> access.applicationProcessesOn("failover-clweb", "srv1"),
                () -> access.runOnServer("failover-clweb", "srv2", Path.of("/bin/true"), List.of(), Duration.ofSeconds(5)))) {
            assertThatThrownBy(call::run).isInstanceOf(OperationNotAllowed.class)
                    .hasMessageContaining("the CLUSTERPRO API offers none, and switchboard.clusterpro.command-prefix is empty");
        }
        assertThat(dir.resolve("link")).doesNotExist();
    }

    @Test
    void anUnknownServerIsNamed() {
        assertThatThrownBy(() -> access(List.of("env", "NODE={node}")).readFile("srv9", "/etc/hostname"))
                .isInstanceOf(NameNotFound.class).hasMessageContaining("srv9");
        assertThatThrownBy(() -> access(List.of()).readFile("srv9", "/etc/hostname")).isInstanceOf(NameNotFound.class);
    }

    @Test
    void aCommandRunsThroughThePrefixForItsServerWithItsArguments() {
        ScriptRun run = access(List.of("env", "NODE={node}")).runOnServer("failover-clweb", "srv2", Path.of("/bin/sh"),
                List.of("-c", "echo \"$NODE $*\"", "update", "srv2", "1.1"), Duration.ofSeconds(5));

        assertThat(run.succeeded()).as(run.outputTail()).isTrue();
        assertThat(run.outputTail()).isEqualTo("srv2 srv2 1.1");
        assertThat(run.server()).isEqualTo("srv2");
    }

    @Test
    void filesAndLinksAreReadAndMadeThroughThePrefix() throws Exception {
        ClusterproServerAccess access = access(List.of("env", "NODE={node}"));
        Path version = Files.writeString(dir.resolve("VERSION"), "1.2\n");
        String link = dir.resolve("app/config").toString();
        Files.createDirectories(Path.of(link));

        assertThat(access.readFile("srv2", version.toString())).contains("1.2");
        assertThat(access.readFile("srv2", dir.resolve("none").toString())).isEmpty();
        assertThat(access.relink("srv2", link, "/etc", dir.resolve("kept"))).as("the folder was kept")
                .contains(dir.resolve("kept/srv2-config"));
        assertThat(access.linkTarget("srv2", link)).contains("/etc");
        assertThat(access.applicationProcessesOn("failover-clweb", "srv1")).as("exec1 runs there").isEqualTo(1);
        assertThat(access.applicationProcessesOn("failover-clweb", "srv2")).isZero();
    }
}
