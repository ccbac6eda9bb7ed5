package dev.switchboard.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The broken cluster definitions under src/test/clusters/broken and what each must report. */
final class BrokenClusters {

    static final Path DIR = Path.of("src/test/clusters/broken");

    /** File name → lines the report must contain (file:line:column key-path: problem). */
    static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        expect("01-bad-yaml.yml", ":5:4 is not valid YAML: expected <block end>, but found '<block sequence start>'.");
        expect("02-unknown-top-level-key.yml",
                ":3:1 serverz: unknown key 'serverz'. Fix: did you mean 'servers'?",
                ":1:1 servers: the required key 'servers' is missing.");
        expect("03-misspelled-resource-key.yml",
                ":12:35 groups[0].resources[2].strat: unknown key 'strat'. Fix: did you mean 'start'?",
                ":12:9 groups[0].resources[2].start: the required key 'start' is missing.");
        expect("04-missing-required-keys.yml",
                ":7:5 groups[0].servers: the required key 'servers' is missing.",
                ":10:9 groups[0].resources[1].type: the required key 'type' is missing.");
        expect("05-duplicate-server.yml",
                ":5:6 servers[1].name: the server name 'srv1' is already used at servers[0].");
        expect("06-duplicate-resource-across-groups.yml",
                ":16:10 groups[1].resources[0].name: the resource name 'exec1' is already used at groups[0].resources[2].");
        expect("07-unknown-server.yml",
                ":8:5 groups[0].servers[1]: 'srv3' is not a server of this cluster. Fix: use one of: srv1, srv2.");
        expect("08-unknown-dependency.yml",
                ":12:78 groups[0].resources[2].depends-on[0]: 'disk2' is not a resource of this group. Fix: use one of: fip1, disk1, exec1.");
        expect("09-dependency-cycle.yml",
                ":10:67 groups[0].resources[0].depends-on: the dependencies form a cycle: fip1 → exec1 → disk1 → fip1.");
        expect("10-missing-script.yml",
                ":12:35 groups[0].resources[2].start: the script 'scripts/strat.sh' does not exist");
        expect("11-script-not-executable.yml",
                ":12:57 groups[0].resources[2].stop: the script 'scripts/not-executable.sh' is not executable. Fix: run: chmod +x ");
        expect("12-invalid-glob.yml",
                ":16:5 monitors[0].pattern: 'clweb_serv[*' is not a valid pattern: '[' at position 11 is never closed with ']'.");
        expect("13-invalid-duration.yml",
                ":17:5 monitors[0].interval: 'fast' is not a duration. Fix: write a number with a unit: 500ms, 1s, 2m or 1h");
        expect("14-fip-outside-loopback.yml",
                ":10:33 groups[0].resources[0].address: '192.168.10.13' is outside 127.0.0.0/8");
        expect("15-same-floating-address.yml",
                ":16:33 groups[1].resources[0].address: the floating address 127.0.0.13:18080 is already claimed by groups[0].resources[0].");
        expect("16-unknown-monitor-targets.yml",
                ":19:5 monitors[0].target-resource: 'exec9' is not a resource of this cluster. Fix: use one of: fip1, disk1, exec1.",
                ":20:16 monitors[0].recovery.target: 'g9' is neither a group nor a resource of this cluster.");
        expect("17-empty.yml", "17-empty.yml the file is empty.");
        expect("18-out-of-range-values.yml",
                ":10:54 groups[0].resources[0].port: '70000' is out of range. Fix: use a whole number from 1 to 65535.",
                ":20:28 monitors[0].recovery.final-action: unknown final action 'reboot'. Fix: use none or stop-group.");
        expect("19-duplicate-key.yml", ":18:5 monitors[0].interval: the key appears twice in the same mapping.");
        expect("20-invalid-name.yml", ":4:6 servers[0].name: 'srv 1' is not a valid name.");
        expect("21-disk-outside-data-dir.yml", ":11:35 groups[0].resources[1].device: '../../home' leaves the data directory ");
        expect("22-mount-point-with-dots.yml",
                ":11:54 groups[0].resources[1].mount-point: '/mnt/../etc' is not a plain absolute path.");
        expect("23-bad-rolling-update.yml",
                ":9:22 groups[0].rolling-update.version-file: 'VERSION' is not a plain absolute path.",
                ":9:45 groups[0].rolling-update.update-command: the script 'scripts/updaet.sh' does not exist",
                ":9:80 groups[0].rolling-update.update-timout: unknown key 'update-timout'. Fix: did you mean 'update-timeout'?");
    }

    private static void expect(String file, String... lines) {
        EXPECTED.put(file, List.of(lines));
    }

    private BrokenClusters() {
    }
}
