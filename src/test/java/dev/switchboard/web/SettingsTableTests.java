package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.cluster.ActivationRecovery;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.Glob;
import dev.switchboard.cluster.Monitor;
import dev.switchboard.cluster.MonitorTiming;
import dev.switchboard.cluster.ProcessNameMonitor;
import dev.switchboard.cluster.RecoveryPolicy;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.ResourceMonitor;
import dev.switchboard.cluster.Service;
import dev.switchboard.web.SettingsTable.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The settings table of each resource kind and monitor type, in English and Japanese, for ADMINs and others. */
class SettingsTableTests {

    private static final Path CONFIG = Path.of("/srv/switchboard/config");
    private static final Path DATA = Path.of("/srv/switchboard/data");
    private static final SettingsPaths VIEWER = new SettingsPaths(CONFIG, DATA, false);
    private static final SettingsPaths ADMIN = new SettingsPaths(CONFIG, DATA, true);
    private static final ActivationRecovery STOP_AFTER_ONE = new ActivationRecovery(2, 1, FinalAction.STOP_GROUP);

    private static final FloatingIp FIP = new FloatingIp("fip1", List.of(), ActivationRecovery.DEFAULT,
            "127.0.0.13", 18080);
    private static final Disk DISK = new Disk("disk1", List.of("fip1"), ActivationRecovery.DEFAULT,
            DATA.resolve("shared/export"), "/mnt/export");
    private static final Exec EXEC = new Exec("exec1", List.of("disk1"), STOP_AFTER_ONE,
            CONFIG.resolve("scripts/start.sh"), CONFIG.resolve("scripts/stop.sh"), Duration.ofSeconds(30));
    private static final Service SERVICE = new Service("app1", List.of("fip1", "disk1"), ActivationRecovery.DEFAULT,
            List.of("/usr/bin/python3", "-m", "http.server", "--directory=/srv/www", "8000"), Duration.ofMillis(1500));
    private static final ProcessNameMonitor PSW = new ProcessNameMonitor("psw1", Glob.compile("clweb_serv*"), 1,
            Duration.ofSeconds(1), Duration.ofSeconds(5), 2, Duration.ofMinutes(2), new MonitorTiming("exec1"),
            new RecoveryPolicy("failover-clweb", 0, 1, FinalAction.NONE));

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void aFloatingIpShowsItsAddressAndPort() {
        assertThat(rows(FIP, VIEWER, Locale.ENGLISH)).startsWith(
                new Row("Floating address", "127.0.0.13"), new Row("Port", "18080"));
    }

    @Test
    void aFloatingIpFromPacemakerWithoutAKnownPortSaysSo() {
        FloatingIp pacemaker = new FloatingIp("vip", List.of(), ActivationRecovery.DEFAULT, "192.168.50.10", 0);
        assertThat(value(rows(pacemaker, VIEWER, Locale.ENGLISH), "Port"))
                .isEqualTo("not known (the cluster manager does not say)");
    }

    @Test
    void everyResourceShowsItsParentsAndWhatHappensWhenItFailsToActivate() {
        assertThat(rows(EXEC, VIEWER, Locale.ENGLISH)).containsSubsequence(
                new Row("Depends on", "disk1"),
                new Row("Retries when activation fails", "2"),
                new Row("Failovers when activation fails", "1"),
                new Row("Final action when activation fails", "stop the group"));
        assertThat(value(rows(SERVICE, VIEWER, Locale.ENGLISH), "Depends on")).isEqualTo("fip1, disk1");
        assertThat(value(rows(FIP, VIEWER, Locale.ENGLISH), "Depends on")).isEqualTo("none");
    }

    @Test
    void aViewerSeesTheDiskRelativeToTheDataDirectoryAndTheMountPointAsWritten() {
        assertThat(rows(DISK, VIEWER, Locale.ENGLISH)).startsWith(
                new Row("Device", "shared/export"), new Row("Mount point", "/mnt/export"));
    }

    @Test
    void anAdminSeesTheDisksAbsolutePathOnThisHost() {
        assertThat(value(rows(DISK, ADMIN, Locale.ENGLISH), "Device")).isEqualTo("/srv/switchboard/data/shared/export");
    }

    @Test
    void aViewerSeesTheScriptsAsWrittenRelativeToClusterYml() {
        assertThat(rows(EXEC, VIEWER, Locale.ENGLISH)).startsWith(
                new Row("Start script", "scripts/start.sh"),
                new Row("Stop script", "scripts/stop.sh"),
                new Row("Script timeout", "30s"));
    }

    @Test
    void anAdminSeesTheScriptsAbsolutePaths() {
        assertThat(rows(EXEC, ADMIN, Locale.ENGLISH)).startsWith(
                new Row("Start script", "/srv/switchboard/config/scripts/start.sh"),
                new Row("Stop script", "/srv/switchboard/config/scripts/stop.sh"));
    }

    @Test
    void aScriptOutsideEveryDirectoryOfClusterYmlIsHiddenFromAViewer() {
        Exec elsewhere = new Exec("exec2", List.of(), ActivationRecovery.DEFAULT, Path.of("/opt/app/start.sh"),
                CONFIG.resolve("../scripts/stop.sh").normalize(), Duration.ofMillis(500));
        List<Row> rows = rows(elsewhere, VIEWER, Locale.ENGLISH);
        assertThat(value(rows, "Start script")).isEqualTo("hidden (ADMIN only)");
        assertThat(value(rows, "Stop script")).isEqualTo("../scripts/stop.sh");
        assertThat(value(rows, "Script timeout")).isEqualTo("500ms");
        assertThat(rows).extracting(Row::value).noneMatch(v -> v.contains("/opt/app"));
    }

    @Test
    void aViewerSeesAServiceCommandWithItsAbsolutePathsHidden() {
        assertThat(rows(SERVICE, VIEWER, Locale.ENGLISH)).startsWith(
                new Row("Command", "hidden (ADMIN only) -m http.server --directory=hidden (ADMIN only) 8000"),
                new Row("Time to stop before KILL", "1500ms"));
    }

    @Test
    void anAdminSeesTheWholeServiceCommand() {
        assertThat(value(rows(SERVICE, ADMIN, Locale.ENGLISH), "Command"))
                .isEqualTo("/usr/bin/python3 -m http.server --directory=/srv/www 8000");
    }

    @Test
    void aPacemakerDiskDeviceIsHiddenFromAViewer() {
        Disk pacemaker = new Disk("fs1", List.of(), ActivationRecovery.DEFAULT, Path.of("/dev/vdb1"), "/srv/shared");
        assertThat(value(rows(pacemaker, VIEWER, Locale.ENGLISH), "Device")).isEqualTo("hidden (ADMIN only)");
        assertThat(value(rows(pacemaker, ADMIN, Locale.ENGLISH), "Device")).isEqualTo("/dev/vdb1");
    }

    @Test
    void aProcessNameMonitorShowsEverySetting() {
        assertThat(rows(PSW, VIEWER, Locale.ENGLISH)).extracting(Row::label, Row::value).containsExactly(
                tuple("Pattern", "clweb_serv*"),
                tuple("Minimum number of processes", "1"),
                tuple("Interval", "1s"),
                tuple("Timeout", "5s"),
                tuple("Retries before an error", "2"),
                tuple("Wait before the first check", "2m"),
                tuple("Timing", "while exec1 is active"),
                tuple("Recovery target", "failover-clweb"),
                tuple("Restarts at most", "0"),
                tuple("Failovers at most", "1"),
                tuple("Final action", "none (left for an operator)"));
    }

    @Test
    void aProcessNameMonitorReadsInJapanese() {
        List<Row> rows = rows(PSW, VIEWER, Locale.JAPANESE);
        assertThat(rows).contains(new Row("最小プロセス数", "1"), new Row("監視タイミング", "exec1 の活性時"),
                new Row("最終動作", "何もしない（運用者が対処）"));
    }

    @Test
    void aPacemakerMonitorOperationShowsItsOperationAndNoRetriesItDoesNotHave() {
        ResourceMonitor monitor = new ResourceMonitor("app1-monitor", "app1-monitor-interval-10s",
                Duration.ofSeconds(10), Duration.ofSeconds(20), MonitorTiming.ALWAYS,
                new RecoveryPolicy("grp", 3, 1, FinalAction.NONE));
        assertThat(rows(monitor, VIEWER, Locale.ENGLISH)).extracting(Row::label, Row::value).containsExactly(
                tuple("Cluster manager operation", "app1-monitor-interval-10s"),
                tuple("Interval", "10s"),
                tuple("Timeout", "20s"),
                tuple("Timing", "always"),
                tuple("Recovery target", "grp"),
                tuple("Restarts at most", "3"),
                tuple("Failovers at most", "1"),
                tuple("Final action", "none (left for an operator)"));
    }

    @Test
    void everyKindReadsInJapaneseWithNoJavaTextLeft() {
        for (Resource resource : List.of(FIP, DISK, EXEC, SERVICE)) {
            List<Row> rows = rows(resource, VIEWER, Locale.JAPANESE);
            assertThat(rows).as(resource.name()).contains(new Row("依存先", resource.dependsOn().isEmpty() ? "なし"
                    : String.join(", ", resource.dependsOn())));
            assertThat(rows).extracting(Row::label).allMatch(l -> l.codePoints().anyMatch(c -> c > 0x3000), "Japanese");
            assertThat(rows).extracting(Row::value).noneMatch(v -> v.contains("PT") || v.contains("[") || v.contains("Duration"));
        }
        assertThat(value(rows(SERVICE, VIEWER, Locale.JAPANESE), "コマンド")).startsWith("非表示（ADMIN のみ） -m");
        assertThat(value(rows(EXEC, VIEWER, Locale.JAPANESE), "活性異常時の最終動作")).isEqualTo("グループ停止");
    }

    @Test
    void durationsAreWrittenAsInClusterYml() {
        assertThat(List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(1500), Duration.ofSeconds(1),
                Duration.ofSeconds(90), Duration.ofMinutes(2), Duration.ofMinutes(90), Duration.ofHours(1)))
                .extracting(SettingsTable::written)
                .containsExactly("0s", "100ms", "1500ms", "1s", "90s", "2m", "90m", "1h");
    }

    private List<Row> rows(Resource resource, SettingsPaths paths, Locale locale) {
        return SettingsTable.of(resource, messages, locale, paths);
    }

    private List<Row> rows(Monitor monitor, SettingsPaths paths, Locale locale) {
        return SettingsTable.of(monitor, messages, locale, paths);
    }

    private static String value(List<Row> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).map(Row::value).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in " + rows));
    }

    /** The application's own messages, as Spring Boot configures them (UTF-8, no fallback to the system locale). */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
