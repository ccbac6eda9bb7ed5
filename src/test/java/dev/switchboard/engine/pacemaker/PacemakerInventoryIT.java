package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.ClusterInventory.NodeState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory of the real lab cluster (lab/pacemaker; two nodes and the CL/Web group today):
 * every node, and the group's members where crm_mon says they run. Needs only what today's lab
 * has; the three-node lab's additions are checked by name only where they exist.
 */
class PacemakerInventoryIT {

    @TempDir
    static Path dataDir;

    static PacemakerClusterEngine engine;

    @BeforeAll
    static void startLab() {
        PacemakerLab.up();
        engine = new PacemakerClusterEngine(PacemakerLab.definition(dataDir), PacemakerLab.commands(),
                Duration.ofSeconds(60), Duration.ofMillis(500));
        engine.start();
    }

    @AfterAll
    static void stopWatching() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theInventoryShowsEveryNodeAndTheGroupWhereCrmMonSays() {
        ClusterInventory inventory = engine.inventory().orElseThrow();
        CrmMon mon = CrmMon.parse(PacemakerLab.commands().run("srv1", PacemakerReadings.CRM_MON).stdout());

        assertThat(inventory.nodes()).extracting(ClusterInventory.Node::name)
                .containsAll(mon.nodes().stream().map(CrmMon.Node::name).toList()).contains("srv1", "srv2");
        assertThat(inventory.nodes()).filteredOn(n -> n.name().startsWith("srv"))
                .allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.ONLINE));
        assertThat(inventory.nodes()).filteredOn(ClusterInventory.Node::dc).hasSize(1); // a live cluster has a DC
        assertThat(inventory.conditions()).extracting(ClusterInventory.Condition::code).doesNotContain("no-dc",
                "no-quorum", "unclean-nodes");

        CrmMon.Group group = mon.group("failover-clweb").orElseThrow();
        Item item = inventory.resource("failover-clweb").orElseThrow();
        assertThat(item.kind()).isEqualTo(Kind.GROUP);
        assertThat(item.children()).extracting(Item::id)
                .containsExactlyElementsOf(group.members().stream().map(CrmMon.Member::id).toList());
        for (CrmMon.Member member : group.members()) {
            Item read = inventory.resource(member.id()).orElseThrow();
            assertThat(read.agent()).isEqualTo(member.agent());
            assertThat(read.instances().stream().map(Instance::node).filter(Objects::nonNull).toList())
                    .as(member.id()).isEqualTo(member.node() == null ? List.of() : List.of(member.node()));
        }
        inventory.resource("fence-lab").ifPresent(f -> assertThat(f.kind()).isEqualTo(Kind.FENCING)); // lab3
    }

    /**
     * What the poll's commands cost on the lab, the ones before and the ones now, taken in turn so
     * that the machine's load weighs on both alike (median of 21, printed for docs/benchmarks.md):
     * the inventory needs no command of its own.
     */
    @Test
    void thePollCostsAboutWhatItDid() {
        PacemakerCommands commands = PacemakerLab.commands();
        List<String[]> polls = List.of(new String[] {"crm_mon", "-1", "--output-as=xml"}, PacemakerReadings.CRM_MON,
                new String[] {"cibadmin", "-Q"}, PacemakerReadings.CIB_CONFIGURATION);
        List<List<Long>> millis = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 21; i++) {
            for (int c = 0; c < polls.size(); c++) {
                long start = System.nanoTime();
                commands.run("srv1", polls.get(c));
                millis.get(c).add((System.nanoTime() - start) / 1_000_000);
            }
        }
        millis.forEach(Collections::sort);
        long[] median = millis.stream().mapToLong(m -> m.get(10)).toArray();
        System.out.printf("lab poll commands (median of 21, ms): crm_mon %d, with --fence-history=2 %d; cibadmin -Q %d, "
                + "-o configuration %d%n", median[0], median[1], median[2], median[3]);
        assertThat(median[1] + median[3]).isLessThan((median[0] + median[2]) * 5 / 4 + 20);
    }
}
