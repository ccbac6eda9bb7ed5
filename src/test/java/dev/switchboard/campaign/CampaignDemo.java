package dev.switchboard.campaign;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.SwitchboardProcess;
import dev.switchboard.TestDemoCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The demo cluster as the campaign runs it: Switchboard as its own process on the shipped
 * cluster.yml moved to the campaign's addresses, with exec1's scripts behind small wrappers that
 * hang or exit 1 once when a flag file says so (the shipped scripts are unchanged), a data
 * directory of its own (a small tmpfs when root, so the disk can be filled), and the
 * application's processes read from /proc.
 */
final class CampaignDemo implements AutoCloseable {

    static final String GROUP = "failover-clweb";
    static final String MONITOR = "psw1";
    /** Script timeout of the copy: the shipped 30 s would make every hanging-script fault cost 30 s. */
    static final String SCRIPT_TIMEOUT = "5s";
    private static final String OPERATOR_HASH = "{bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy";
    private static final String OPERATOR_PASSWORD = "operator-password-1";

    final TestDemoCluster.Addresses at;
    final Path dataDir;
    final Path flags;
    final boolean diskCanFill;
    /** Switchboard's log, outside the temporary directory so that it outlives a failed campaign. */
    private final Path log;
    private final SwitchboardProcess switchboard;

    CampaignDemo(Path dir, TestDemoCluster.Addresses at) throws IOException, InterruptedException {
        this.at = at;
        this.dataDir = Files.createDirectories(dir.resolve("data"));
        this.flags = Files.createDirectories(dir.resolve("flags"));
        this.diskCanFill = mountSmallDisk();
        Path config = writeConfig(Files.createDirectories(dir.resolve("config")));
        this.log = Files.createDirectories(Path.of("target/campaign")).toAbsolutePath()
                .resolve("switchboard-" + dir.getFileName() + ".log");
        this.switchboard = new SwitchboardProcess(log,
                "--switchboard.cluster.location=" + config, "--switchboard.data-dir=" + dataDir,
                "--switchboard.security.accounts[0].name=operator",
                "--switchboard.security.accounts[0].password-hash=" + OPERATOR_HASH,
                "--switchboard.security.accounts[0].role=OPERATOR");
    }

    Api api() {
        return new Api(switchboard.url(""), "operator", OPERATOR_PASSWORD);
    }

    void start() throws IOException {
        switchboard.start();
    }

    /** kill -9 of Switchboard (the application and scripts it started live on). */
    void killSwitchboard() throws InterruptedException {
        switchboard.kill();
    }

    Path log() {
        return log;
    }

    /** The application's processes of this cluster, from /proc: pid and the server it runs as. */
    List<AppProcess> applications() {
        String marker = "SWITCHBOARD_CLUSTER=" + dataDir.toAbsolutePath().normalize() + "\0";
        return ProcessHandle.allProcesses().filter(p -> ClusterProcesses.commandLine(p.pid()).startsWith("clweb_serv"))
                .map(p -> new AppProcess(p.pid(), ClusterProcesses.environment(p.pid())))
                .filter(a -> a.environment.contains(marker) && !zombie(a.pid)).toList();
    }

    /** One running clweb_serv and its server. */
    record AppProcess(long pid, String environment) {
        String server() {
            return environment.replaceAll("(?s).*SWITCHBOARD_SERVER_NAME=([^\\x00]+).*", "$1");
        }
    }

    /** Sends a signal to one application process (only ever a process of this cluster). */
    void signal(AppProcess app, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(app.pid())).inheritIO().start().waitFor();
    }

    /** The next run of {@code script} (start or stop) hangs or fails, once. */
    void arm(Fault.Script script, String how) throws IOException {
        Files.writeString(flags.resolve(script.name().toLowerCase() + "." + how), "");
    }

    void disarm() throws IOException {
        try (var files = Files.list(flags)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Fills the data directory's file system to the last byte; returns the filler to delete. */
    Path fillDisk() {
        Path filler = dataDir.resolve("campaign-filler");
        byte[] chunk = new byte[1 << 20];
        try (var out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 4096; i++) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the point: ENOSPC
        }
        return filler;
    }

    @Override
    public void close() throws Exception {
        switchboard.kill();
        ClusterProcesses.killUntilQuiet(dataDir);
        if (diskCanFill) {
            new ProcessBuilder("umount", "-l", dataDir.toString()).inheritIO().start().waitFor();
        }
    }

    private boolean mountSmallDisk() throws IOException, InterruptedException {
        if (System.getProperty("campaign.without", "").contains("disk-full")) {
            return false; // the data directory stays on the real disk: the database grows past any small tmpfs in a long run
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            System.out.println("campaign: not root, so no tmpfs for the data directory: the disk-full fault is skipped");
            return false;
        }
        int rc = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=160m", "campaign-data", dataDir.toString())
                .inheritIO().start().waitFor();
        if (rc != 0) {
            System.out.println("campaign: mount of a tmpfs failed (rc " + rc + "): the disk-full fault is skipped");
        }
        return rc == 0;
    }

    private Path writeConfig(Path config) throws IOException {
        Path yaml = TestDemoCluster.writeTo(config, at);
        String scripts = Path.of("config/scripts").toAbsolutePath().toString();
        for (String name : List.of("start", "stop")) {
            script(config.resolve(name + ".sh"), """
                    #!/bin/bash
                    # campaign wrapper: a flag file makes the next run hang or fail, once
                    if rm "%1$s/%2$s.hang" 2>/dev/null; then echo "campaign: %2$s.sh hangs"; exec sleep 120; fi
                    if rm "%1$s/%2$s.fail" 2>/dev/null; then echo "campaign: %2$s.sh exits 1" >&2; exit 1; fi
                    exec "%3$s/%2$s.sh" "$@"
                    """.formatted(flags, name, scripts));
        }
        String text = Files.readString(yaml).replace(scripts + "/start.sh", config.resolve("start.sh").toString())
                .replace(scripts + "/stop.sh", config.resolve("stop.sh").toString())
                .replace("timeout: 30s", "timeout: " + SCRIPT_TIMEOUT);
        return Files.writeString(yaml, text);
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }
}
