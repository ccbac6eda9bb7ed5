package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which paths on this host a reader sees: ADMINs all of them, others only paths relative to cluster.yml or the data directory. */
class SettingsPathsTests {

    private final SettingsPaths viewer = new SettingsPaths(Path.of("/home/ops/switchboard/config"),
            Path.of("/var/lib/switchboard"), false);
    private final SettingsPaths admin = new SettingsPaths(Path.of("/home/ops/switchboard/config"),
            Path.of("/var/lib/switchboard"), true);

    @Test
    void aScriptBesideClusterYmlOrAFewDirectoriesUpIsShownRelativeToIt() {
        assertThat(viewer.script(Path.of("/home/ops/switchboard/config/scripts/start.sh"))).contains("scripts/start.sh");
        assertThat(viewer.script(Path.of("/home/ops/tools/start.sh"))).contains("../../tools/start.sh");
    }

    @Test
    void aPathThatClimbsToTheRootIsTheAbsolutePathInDisguiseAndHidden() {
        assertThat(viewer.script(Path.of("/usr/local/bin/start.sh"))).isEmpty();
        assertThat(viewer.device(Path.of("/srv/export"))).isEmpty();
        assertThat(admin.script(Path.of("/usr/local/bin/start.sh"))).contains("/usr/local/bin/start.sh");
    }

    @Test
    void aDiskInsideTheDataDirectoryIsShownRelativeToIt() {
        assertThat(viewer.device(Path.of("/var/lib/switchboard/shared/export"))).contains("shared/export");
        assertThat(admin.device(Path.of("/var/lib/switchboard/shared/export"))).contains("/var/lib/switchboard/shared/export");
    }

    @Test
    void aCommandLosesItsAbsolutePathsForAViewerOnly() {
        List<String> command = List.of("ocf:heartbeat:anything", "binfile=/usr/local/jcclweb/bin/clweb_serv",
                "/bin/sh", "run.sh", "a=b");
        assertThat(viewer.command(command, "(hidden)"))
                .isEqualTo("ocf:heartbeat:anything binfile=(hidden) (hidden) run.sh a=b");
        assertThat(admin.command(command, "(hidden)"))
                .isEqualTo("ocf:heartbeat:anything binfile=/usr/local/jcclweb/bin/clweb_serv /bin/sh run.sh a=b");
    }
}
