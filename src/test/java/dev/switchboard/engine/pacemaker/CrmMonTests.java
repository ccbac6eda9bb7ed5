package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ServerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** crm_mon's XML as Pacemaker 2.1.5 wrote it on real clusters (src/test/resources/pacemaker). */
class CrmMonTests {

    @Test
    void readsNodesAndTheGroupInOrder() throws IOException {
        CrmMon mon = read("crm_mon-two-before-move.xml");

        assertThat(mon.nodes()).extracting(CrmMon.Node::name, CrmMon.Node::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("srv1", ServerState.ONLINE),
                        org.assertj.core.groups.Tuple.tuple("srv2", ServerState.ONLINE));
        CrmMon.Group group = mon.group("failover-clweb").orElseThrow();
        assertThat(group.members()).extracting(CrmMon.Member::id).containsExactly("fip", "disk", "exec");
        assertThat(group.members()).extracting(CrmMon.Member::type).containsExactly("fip", "disk", "service");
        assertThat(group.state()).isEqualTo(ActivationState.ONLINE);
        assertThat(group.node()).contains("srv1");
        assertThat(mon.failures()).isEmpty();
    }

    @Test
    void aStandbyNodeAndAnOfflineNode() throws IOException {
        assertThat(read("crm_mon-two-srv1-standby.xml").nodes().get(0).state()).isEqualTo(ServerState.STANDBY);
        CrmMon offline = read("crm_mon-two-srv2-offline.xml");
        assertThat(offline.nodes().get(1).state()).isEqualTo(ServerState.OFFLINE);
        assertThat(offline.group("failover-clweb").orElseThrow().node()).contains("srv1");
    }

    @Test
    void failuresAndFailCounts() throws IOException {
        CrmMon mon = read("crm_mon-live-single-after-failure.xml");

        assertThat(mon.failures()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("exec");
            assertThat(f.node()).isEqualTo("srv1");
            assertThat(f.task()).isEqualTo("monitor");
            assertThat(f.intervalMs()).isEqualTo(5000);
            assertThat(f.exitStatus()).isEqualTo("error");
        });
        assertThat(mon.group("failover-clweb").orElseThrow().members().get(2).failCounts()).containsEntry("srv1", 1);
    }

    @Test
    void anErrorStatusOrSomethingElseIsRefused() {
        assertThatThrownBy(() -> CrmMon.parse("<pacemaker-result><status code=\"4\" message=\"Insufficient privileges\"/>"
                + "</pacemaker-result>")).hasMessage("crm_mon answered status 4: Insufficient privileges");
        assertThatThrownBy(() -> CrmMon.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .hasMessageStartingWith("not Pacemaker XML");
    }

    @Test
    void aGroupIsOnlineSinceTheLastOfItsMembersStartedOnItsNode() throws IOException {
        assertThat(read("crm_mon-two-srv2-offline.xml").onlineSince("failover-clweb"))
                .hasValue(Instant.parse("2026-11-25T08:27:45Z"));
        assertThat(read("crm_mon-two-srv1-standby.xml").onlineSince("failover-clweb")).as("its starts on srv2, not the "
                + "stops on srv1").hasValue(Instant.parse("2026-11-25T08:27:22Z"));
        assertThat(read("crm_mon-live-single-after-failure.xml").onlineSince("failover-clweb")).as("exec restarted "
                + "after its failure").hasValue(Instant.parse("2026-11-25T08:32:01Z"));
        assertThat(read("crm_mon-two-before-move.xml").onlineSince("no-such-group")).isEmpty();
    }

    private static CrmMon read(String name) throws IOException {
        return CrmMon.parse(Files.readString(Path.of("src/test/resources/pacemaker", name)), ZoneOffset.UTC);
    }
}
