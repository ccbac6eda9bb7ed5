package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.ClusterInventory.NodeState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A 16-node cluster with 100 resources (src/test/resources/pacemaker/large, written by its
 * generate.sh with Pacemaker's tools): read whole, and fast enough to read every second.
 */
class PacemakerInventoryLargeTests {

    private static final Path DIR = Path.of("src/test/resources/pacemaker/large");
    private static final String MON = PacemakerInventoryTests.text(DIR.resolve("crm_mon.xml"));
    /** What the poll reads of the CIB: its configuration section ({@link PacemakerReadings#CIB_CONFIGURATION}). */
    private static final String CIB = PacemakerInventoryTests.text(DIR.resolve("configuration.xml"));
    private static final CibFacts FACTS = CibFacts.of(CrmMon.document(CIB));

    @Test
    void everyNodeAndResourceOfTheLargeClusterIsRead() {
        ClusterInventory inventory = poll();
        assertThat(inventory.cluster()).isEqualTo("large-16");
        assertThat(inventory.nodes()).hasSize(16);
        assertThat(inventory.node("node16").orElseThrow().state()).isEqualTo(NodeState.STANDBY);
        assertThat(inventory.node("node15").orElseThrow().state()).isEqualTo(NodeState.OFFLINE);
        Map<Kind, Long> kinds = inventory.resources().stream().collect(Collectors.groupingBy(Item::kind,
                Collectors.counting()));
        assertThat(kinds).isEqualTo(Map.of(Kind.FENCING, 1L, Kind.GROUP, 20L, Kind.CLONE, 4L,
                Kind.PROMOTABLE_CLONE, 3L, Kind.PRIMITIVE, 32L));
        long primitives = inventory.resources().stream().flatMap(Item::selfAndDescendants)
                .filter(i -> i.children().isEmpty()).count();
        assertThat(primitives).isEqualTo(100);
        List<Item> groups = inventory.resources().stream().filter(r -> r.kind() == Kind.GROUP).toList();
        assertThat(groups).allSatisfy(g -> assertThat(g.allInstances().stream()
                .map(ClusterInventory.Instance::node).distinct()).hasSizeLessThanOrEqualTo(1));
        assertThat(groups).filteredOn(g -> !g.allInstances().isEmpty()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(inventory.failedActions()).extracting(ClusterInventory.FailedAction::resource).containsExactly("job1");
    }

    /**
     * What one poll's reading costs in CPU time (a thread's, so that other work on a busy machine
     * does not count): crm_mon's answer parsed, the snapshot's readers and the inventory, and, when
     * the configuration changed, the CIB's configuration too. Median of 41 after warming up,
     * printed for docs/benchmarks.md; a usual poll (configuration unchanged) stays under the 20 ms
     * that reading every second may cost (2 % of one core).
     */
    @Test
    void readingItEverySecondCostsLittle() {
        for (int i = 0; i < 20; i++) {
            reading(true);
        }
        List<Long> usual = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            usual.add(reading(false));
            changed.add(reading(true));
        }
        Collections.sort(usual);
        Collections.sort(changed);
        System.out.printf("16 nodes, 100 resources (crm_mon %d KB, configuration %d KB): one poll's reading costs "
                        + "%.1f ms CPU (median), %.1f ms when the configuration changed%n", MON.length() / 1024,
                CIB.length() / 1024, usual.get(20) / 1e6, changed.get(20) / 1e6);
        assertThat(usual.get(20)).as("a usual poll's reading, ns of CPU").isLessThan(20_000_000L);
    }

    /** The CPU time of one poll's reading as {@link PacemakerReadings#refresh} does it. */
    private static long reading(boolean configurationChanged) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        var monXml = CrmMon.document(MON);
        CrmMon.parse(monXml, ZoneOffset.UTC);
        CibFacts facts = FACTS;
        if (configurationChanged) {
            var cibXml = CrmMon.document(CIB);
            Cib.parse(cibXml);
            facts = CibFacts.of(cibXml);
        }
        PacemakerInventory.of(monXml, facts, "x", ZoneOffset.UTC, Instant.now());
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static ClusterInventory poll() {
        return PacemakerInventoryTests.read(MON, CIB);
    }
}
