package dev.switchboard.cluster.clpconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.Disk;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.FinalAction;
import dev.switchboard.cluster.FloatingIp;
import dev.switchboard.cluster.ProcessNameMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping of clp.conf to cluster.yml, on small files written here, read back by the same reader as `check`. */
class ClpConfImportTests {

    @TempDir
    Path dir;

    private static final String SERVERS = """
              <server name="n2"><priority>1</priority>
                <device id="1"><type>lan</type><info>10.0.1.2</info></device>
                <device id="0"><type>lan</type><info>10.0.0.2</info></device>
                <device id="400"><type>mdc</type><info>10.0.9.2</info></device>
              </server>
              <server name="n1"><priority>0</priority>
                <device id="3"><type>lan</type><info>10.0.3.1</info></device>
              </server>
            """;

    private static final String LINUX_GROUP = SERVERS + """
              <group name="app">
                <resource name="fip@vip"/><resource name="volmgr@vg"/><resource name="disk@data"/>
                <resource name="exec@app-exec"/><resource name="exec@helper"/>
                <policy name="n1"><order>1</order></policy><policy name="n2"><order>0</order></policy>
                <start>0</start><failback>1</failback>
              </group>
              <group name="mgmt"><type>cluster</type><resource name="fip@webui"/></group>
              <resource>
                <types name="fip"/>
                <fip name="vip"><parameters><ip>10.0.0.100</ip></parameters></fip>
                <fip name="webui"><parameters><ip>10.0.0.101</ip></parameters></fip>
                <volmgr name="vg"><parameters><type>lvm</type><devname>vg1</devname></parameters></volmgr>
                <disk name="data"><parameters><device>/dev/vg1/lv1</device><mount><point>/srv/data</point></mount>
                  <fs>xfs</fs></parameters><depend name="vg"/><act><retry>2</retry><fo>0</fo><action>2</action></act></disk>
                <exec name="app-exec"><parameters><act><path>start.sh</path></act><deact><path>stop.sh</path></deact>
                  <timeout><start>300</start><stop>120</stop></timeout></parameters></exec>
                <exec name="helper"><parameters><act><path>start.sh</path></act><deact><path>stop.sh</path></deact>
                  </parameters><depend name=""/></exec>
              </resource>
              <monitor>
                <psw name="psw-app"><parameters><processname>/usr/bin/app --serve</processname><processnum>2</processnum>
                  </parameters><target>app-exec</target><polling><timing>1</timing><interval>10</interval></polling>
                  <relation><type>grp</type><name>app</name></relation>
                  <emergency><threshold><restart>1</restart><fo2>3</fo2></threshold><action>2</action></emergency></psw>
                <psw name="psw-local"><parameters><processname>agent</processname></parameters>
                  <relation><type>cls</type><name>LocalServer</name></relation></psw>
                <genw name="genw1"><parameters><path>genw.sh</path></parameters></genw>
                <mysqlw name="db"><parameters><username>dbadmin</username><password>s3cret-db-pass</password></parameters></mysqlw>
              </monitor>
            """;

    private Path clpConf(String os, String body) throws Exception {
        return Files.writeString(dir.resolve("clp.conf"), "<?xml version=\"1.0\" encoding=\"ASCII\"?>\n<root>\n"
                + "  <all><charset>ASCII</charset><serveros>" + os + "</serveros></all>\n"
                + "  <cluster><name>c1</name><account><list id=\"0\"><username>Administrator</username>"
                + "<password>8000000ab91a5dc6</password></list></account></cluster>\n" + body + "</root>\n");
    }

    private ClpConfImport.Conversion convert(Path file, Path scripts, boolean overlay) {
        return ClpConfImport.convert(new ClpConfImport.Request(file, scripts, dir.resolve("out"), overlay));
    }

    private ClusterDefinition check(ClpConfImport.Conversion conversion, boolean embedded) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out")).resolve("cluster.yml");
        Files.writeString(out, conversion.yaml());
        return new ClusterDefinitionReader(dir.resolve("data"), embedded).read(out);
    }

    private Path scripts(String... relative) throws Exception {
        Path scripts = dir.resolve("package/scripts");
        for (String r : relative) {
            Path file = Files.createDirectories(scripts.resolve(r).getParent()).resolve(scripts.resolve(r).getFileName());
            Files.writeString(file, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return scripts;
    }

    @Test
    void aLinuxGroupBecomesAnEmbeddedGroupThatPassesCheck() throws Exception {
        Path scripts = scripts("app/app-exec/start.sh", "app/app-exec/stop.sh", "app/helper/start.sh", "app/helper/stop.sh");

        ClpConfImport.Conversion conversion = convert(clpConf("linux", LINUX_GROUP), scripts, false);
        ClusterDefinition definition = check(conversion, true);

        assertThat(conversion.missingScripts()).isEmpty();
        assertThat(definition.servers()).extracting(s -> s.name() + "=" + s.address())
                .containsExactly("n1=127.0.2.1", "n2=127.0.2.2");
        assertThat(conversion.yaml()).contains("address: 127.0.2.1              # clp.conf: 10.0.3.1",
                "address: 127.0.2.2              # clp.conf: 10.0.0.2");
        FailoverGroup app = definition.groups().get(0);
        assertThat(definition.groups()).extracting(FailoverGroup::name).containsExactly("app");
        assertThat(app.servers()).containsExactly("n2", "n1");
        assertThat(app.autoStart()).isFalse();
        assertThat(app.autoFailover()).isTrue();
        FloatingIp vip = (FloatingIp) app.resource("vip").orElseThrow();
        assertThat(vip.address()).isEqualTo("127.0.2.101");
        assertThat(vip.port()).isEqualTo(ResourceMapping.PLACEHOLDER_PORT);
        Disk vg = (Disk) app.resource("vg").orElseThrow();
        assertThat(vg.mountPoint()).isEqualTo("/mnt/vg");
        assertThat(vg.dependsOn()).containsExactly("vip");
        Disk data = (Disk) app.resource("data").orElseThrow();
        assertThat(data.mountPoint()).isEqualTo("/srv/data");
        assertThat(data.dependsOn()).containsExactly("vg");
        assertThat(data.activationRecovery().retryCount()).isEqualTo(2);
        assertThat(data.activationRecovery().failoverCount()).isZero();
        assertThat(data.activationRecovery().finalAction()).isEqualTo(FinalAction.STOP_GROUP);
        Exec exec = (Exec) app.resource("app-exec").orElseThrow();
        assertThat(exec.dependsOn()).containsExactlyInAnyOrder("vip", "vg", "data");
        assertThat(exec.start()).isEqualTo(scripts.resolve("app/app-exec/start.sh").toAbsolutePath().normalize());
        assertThat(exec.timeout()).hasSeconds(300);
        assertThat(exec.activationRecovery().finalAction()).isEqualTo(FinalAction.NONE);
        assertThat(app.resource("helper").orElseThrow().dependsOn()).isEmpty();
        ProcessNameMonitor psw = (ProcessNameMonitor) definition.monitors().get(0);
        assertThat(definition.monitors()).hasSize(1);
        assertThat(psw.name()).isEqualTo("psw-app");
        assertThat(psw.minimumCount()).isEqualTo(2);
        assertThat(psw.interval()).hasSeconds(10);
        assertThat(psw.timing().targetResource()).isEqualTo("app-exec");
        assertThat(psw.recovery().target()).isEqualTo("app");
        assertThat(psw.recovery().maxReactivationCount()).isEqualTo(1);
        assertThat(psw.recovery().maxFailoverCount()).isEqualTo(3);
        assertThat(psw.recovery().finalAction()).isEqualTo(FinalAction.STOP_GROUP);
    }

    @Test
    void whatIsNotConvertedIsListedAtTheTopByItsPathWithWhy() throws Exception {
        ClpConfImport.Conversion conversion = convert(clpConf("linux", LINUX_GROUP), null, false);

        String header = conversion.yaml().substring(0, conversion.yaml().indexOf("\ncluster:"));
        assertThat(header.lines()).allMatch(l -> l.isEmpty() || l.startsWith("#"));
        assertThat(conversion.notConverted()).anyMatch(n -> n.startsWith("/root/group@mgmt: a group of type 'cluster'"))
                .anyMatch(n -> n.startsWith("/root/resource/fip@webui: not a member of a converted failover group"))
                .anyMatch(n -> n.startsWith("/root/group@app/failback: automatic failback"))
                .anyMatch(n -> n.startsWith("/root/resource/disk@data/parameters/fs: the file system"))
                .anyMatch(n -> n.startsWith("/root/monitor/psw@psw-local: its recovery target is the server"))
                .anyMatch(n -> n.startsWith("/root/monitor/genw@genw1: a monitor of type genw"))
                .anyMatch(n -> n.startsWith("/root/server@n2/device@1: "))
                .anyMatch(n -> n.equals("/root/cluster/account: " + Reasons.CREDENTIAL));
        assertThat(conversion.notConverted()).noneMatch(n -> n.startsWith("/root/resource/exec@app-exec/parameters/act"));
        conversion.notConverted().forEach(n -> assertThat(header).contains("#   - " + n));
        assertThat(conversion.missingScripts()).containsExactly("scripts/app/app-exec/start.sh",
                "scripts/app/app-exec/stop.sh", "scripts/app/helper/start.sh", "scripts/app/helper/stop.sh");
        assertThat(header).contains("Scripts missing", "#   - scripts/app/app-exec/start.sh"
                + " (/root/resource/exec@app-exec/parameters/act/path)");
    }

    @Test
    void noCredentialReachesTheOutput() throws Exception {
        for (boolean overlay : new boolean[] {false, true}) {
            String yaml = convert(clpConf("linux", LINUX_GROUP), null, overlay).yaml();

            assertThat(yaml).doesNotContain("s3cret-db-pass", "8000000ab91a5dc6", "Administrator", "dbadmin");
        }
    }

    @Test
    void theOverlayHasServersAndGroupsButNoResourcesAndPassesTheCheckOfAClusterManager() throws Exception {
        ClpConfImport.Conversion conversion = convert(clpConf("linux", LINUX_GROUP), null, true);
        ClusterDefinition definition = check(conversion, false);

        assertThat(definition.servers()).extracting(s -> s.name() + "=" + s.address())
                .containsExactly("n1=10.0.3.1", "n2=10.0.0.2");
        assertThat(definition.groups()).singleElement().satisfies(g -> {
            assertThat(g.servers()).containsExactly("n2", "n1");
            assertThat(g.autoStart()).isFalse();
        });
        assertThat(conversion.yaml()).doesNotContainPattern("(?m)^\\s*(resources|monitors):")
                .contains("# service-check:", "#   url: http://10.0.0.100:<port>/", "#     target: /srv/data/<folder>");
        assertThat(conversion.notConverted()).contains(
                "/root/resource: resources: the clusterpro engine reads them from the cluster through the vendor API");
    }

    @Test
    void windowsResourcesAreListedAndAFileWithNoGroupLeftIsRefusedNamingTheParts() throws Exception {
        Path file = clpConf("windows", SERVERS + """
                  <group name="win"><resource name="service@svc"/><resource name="script@scr"/><resource name="md@md1"/></group>
                  <resource><service name="svc"><parameters><name>MSSQL</name></parameters></service>
                    <script name="scr"/><md name="md1"><parameters><volumemountpoint>E</volumemountpoint></parameters></md>
                  </resource>
                """);

        assertThatThrownBy(() -> convert(file, null, false)).isInstanceOf(ClpConfRefused.class)
                .hasMessageContaining(file + " cannot be imported for the embedded engine: no failover group is left")
                .hasMessageContaining("/root/group@win: no resource of it can run on the embedded engine")
                .hasMessageContaining("/root/resource/service@svc: a Windows service")
                .hasMessageContaining("/root/resource/script@scr: a Windows script")
                .hasMessageContaining("/root/resource/md@md1: a Windows mirror disk");
        assertThat(convert(file, null, true).groups()).containsExactly("win");
    }

    @Test
    void aWindowsFipConvertsAndTheOtherResourcesAreListed() throws Exception {
        Path file = clpConf("windows", SERVERS + """
                  <group name="win"><resource name="fip@fip1"/><resource name="service@svc"/></group>
                  <resource><fip name="fip1"><parameters><ip>10.0.0.9</ip></parameters></fip>
                    <service name="svc"><parameters><name>MSSQL</name></parameters><depend name="fip1"/></service></resource>
                """);

        ClpConfImport.Conversion conversion = convert(file, null, false);

        assertThat(check(conversion, true).groups().get(0).resources()).extracting(r -> r.name()).containsExactly("fip1");
        assertThat(conversion.notConverted()).anyMatch(n -> n.startsWith("/root/resource/service@svc: a Windows service"));
    }

    @Test
    void aTemplatesPlaceholdersAreRefusedNamingThePath() throws Exception {
        Path file = clpConf("linux", """
                  <server name="%%HOST1%%"><device id="0"><type>lan</type><info>%%IP1%%</info></device></server>
                  <group name="g"/>
                """);

        assertThatThrownBy(() -> convert(file, null, false)).isInstanceOf(ClpConfRefused.class)
                .hasMessageContaining("/root/server@%%HOST1%%: the server name '%%HOST1%%' is not a valid name");
    }

    @Test
    void anOverlayRefusesAServerAddressThatIsNotOne() throws Exception {
        Path file = clpConf("linux", """
                  <server name="host1"><device id="0"><type>lan</type><info>INPUT_IP1</info></device></server>
                  <group name="g"/>
                """);

        assertThatThrownBy(() -> convert(file, null, true)).isInstanceOf(ClpConfRefused.class)
                .hasMessageContaining("/root/server@host1/device@0/info: 'INPUT_IP1' is not an IPv4 address");
    }

    @Test
    void aFileWithoutGroupsIsRefused() throws Exception {
        Path file = clpConf("linux", SERVERS);

        assertThatThrownBy(() -> convert(file, null, true)).isInstanceOf(ClpConfRefused.class)
                .hasMessageContaining("it declares no group (/root/group)");
    }
}
