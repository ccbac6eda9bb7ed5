package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The resource and monitor pages show their settings as a labelled table; absolute paths on this
 * host reach only an ADMIN's page (decided on the server: the HTML of other roles does not hold them).
 */
class SettingsPageIT extends WebIT {

    /** Where the test cluster's scripts and disk are on this host, as the definition resolves them. */
    private static final String START_SCRIPT = Path.of("config/scripts/start.sh").toAbsolutePath().normalize().toString();
    private static final String DISK = Path.of(DATA_DIR, "shared/export").toAbsolutePath().normalize().toString();

    @Test
    void aViewerAndAnOperatorSeeScriptsAndDiskAsWrittenButNoAbsolutePath() {
        for (String[] account : new String[][] {{"viewer", VIEWER_PASSWORD}, {"operator", OPERATOR_PASSWORD}}) {
            HttpSession session = new HttpSession(url(""));
            session.login(account[0], account[1]);

            String exec = session.get("/resources/exec1").body();
            assertThat(exec).as(account[0]).contains("<th scope=\"row\">Start script</th><td><code>"
                            + "../../../../config/scripts/start.sh</code>", "<code>30s</code>", "<code>stop the group</code>")
                    .doesNotContain(START_SCRIPT, "Exec[", "PT30S");
            String disk = session.get("/resources/disk1").body();
            assertThat(disk).as(account[0]).contains("<th scope=\"row\">Device</th><td><code>shared/export</code>",
                    "<code>/mnt/export</code>").doesNotContain(DISK, "Disk[");
        }
    }

    @Test
    void anAdminSeesTheAbsolutePathsOnThisHost() {
        HttpSession admin = new HttpSession(url(""));
        admin.login("admin", ADMIN_PASSWORD);

        assertThat(admin.get("/resources/exec1").body())
                .contains("<th scope=\"row\">Start script</th><td><code>" + START_SCRIPT + "</code>");
        assertThat(admin.get("/resources/disk1").body())
                .contains("<th scope=\"row\">Device</th><td><code>" + DISK + "</code>");
    }

    @Test
    void theMonitorsSettingsReadInJapanese() {
        HttpSession viewer = new HttpSession(url(""));
        viewer.login("viewer", VIEWER_PASSWORD);

        String page = viewer.get("/monitors/psw1?lang=ja").body();
        assertThat(page).contains("<th scope=\"row\">パターン</th><td><code>clweb_serv*</code>",
                "<th scope=\"row\">インターバル</th><td><code>1s</code>",
                "<th scope=\"row\">監視タイミング</th><td><code>exec1 の活性時</code>",
                "<th scope=\"row\">最終動作</th><td><code>何もしない（運用者が対処）</code>").doesNotContain("PT1S");
    }
}
