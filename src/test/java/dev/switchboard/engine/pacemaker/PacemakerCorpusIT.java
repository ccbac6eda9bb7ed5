package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.ClusterInventory.Instance;
import dev.switchboard.engine.ClusterInventory.Item;
import dev.switchboard.engine.ClusterInventory.Kind;
import dev.switchboard.engine.polling.GroupHolds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every CIB of the corpus read as Switchboard reads a cluster: the engine's own commands
 * (crm_mon and cibadmin, through {@link PacemakerReadings}) with {@code CIB_file} set and nothing
 * else in front, so no live cluster, DC, quorum or node is assumed. Where each group, primitive,
 * fencing device and clone runs is checked against a second tool's answer
 * ({@code crm_resource --locate}). {@code -Dpacemaker.cib.corpus=DIR} reads the CIBs of another
 * directory too.
 */
class PacemakerCorpusIT {

    @Test
    void everyCibOfTheCorpusIsReadAndPlacedWherePacemakerSays() throws IOException {
        List<Path> cibs = new ArrayList<>(cibs(PacemakerInventoryTests.CORPUS));
        assertThat(cibs).hasSizeGreaterThanOrEqualTo(30);
        String more = System.getProperty("pacemaker.cib.corpus", "");
        if (!more.isBlank()) {
            cibs.addAll(cibs(Path.of(more)));
        }
        requireTools();
        List<String> problems = new ArrayList<>();
        int placed = 0;
        for (Path cib : cibs) {
            ClusterInventory inventory;
            try {
                inventory = inventory(cib);
            } catch (RuntimeException e) {
                problems.add(cib.getFileName() + ": " + e.getMessage());
                continue;
            }
            for (Item item : inventory.resources()) {
                if (List.of(Kind.GROUP, Kind.PRIMITIVE, Kind.FENCING, Kind.CLONE, Kind.PROMOTABLE_CLONE)
                        .contains(item.kind())) {
                    Set<String> ours = item.allInstances().stream().map(Instance::node).filter(Objects::nonNull)
                            .collect(Collectors.toCollection(TreeSet::new));
                    Set<String> theirs = locate(cib, item.id());
                    if (!ours.equals(theirs)) {
                        problems.add(cib.getFileName() + ": " + item.id() + " on " + ours + ", crm_resource says "
                                + theirs);
                    }
                    placed++;
                }
            }
        }
        assertThat(problems).as("read %d CIBs, placed %d resources", cibs.size(), placed).isEmpty();
        assertThat(placed).isGreaterThan(100);
    }

    @Test
    void aCibWithoutStatusHasNodesOfUnknownStandingAndNoDc() {
        requireTools();
        ClusterInventory inventory = inventory(PacemakerInventoryTests.CORPUS.resolve("no-status.xml"));
        assertThat(inventory.nodes()).extracting(ClusterInventory.Node::name).containsExactly("n1", "n2", "n3");
        assertThat(inventory.nodes()).noneMatch(ClusterInventory.Node::dc);
        assertThat(inventory.conditions()).extracting(ClusterInventory.Condition::code).contains("no-dc");
        assertThat(inventory.resource("web").orElseThrow().allInstances()).isEmpty();
    }

    @Test
    void aCibFileThatCannotBeReadIsAFailureNotAnEmptyCluster() {
        requireTools();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inventory(Path.of("/nonexistent/cib.xml")))
                .isInstanceOf(PacemakerFailure.class).hasMessageContaining("crm_mon -1 --output-as=xml")
                .hasMessageContaining("Could not connect to the CIB");
    }

    /** The inventory the engine's poll takes, with CIB_file set for the commands it runs. */
    static ClusterInventory inventory(Path cib) {
        ClusterDefinition definition = new ClusterDefinition("corpus", cib, List.of(new ServerDefinition("n1",
                "127.0.0.1", "/")), List.of(), List.of(), null);
        PacemakerCommands commands = new PacemakerCommands(List.of("env", "CIB_file=" + cib.toAbsolutePath()),
                Duration.ofSeconds(30));
        PacemakerReadings readings = new PacemakerReadings(definition, commands, new GroupHolds(), Duration.ofSeconds(30));
        readings.refresh(true);
        return readings.inventory();
    }

    /** crm_resource's answer: the nodes the resource (any of its instances) is active on. */
    private static Set<String> locate(Path cib, String resource) {
        String xml = new PacemakerCommands(List.of("env", "CIB_file=" + cib.toAbsolutePath()), Duration.ofSeconds(30))
                .attempt("n1", "crm_resource", "--locate", "-r", resource, "--output-as=xml").stdout();
        Set<String> nodes = new TreeSet<>();
        Element list = CrmMon.first(CrmMon.document(xml).getDocumentElement(), "nodes");
        CrmMon.children(list, "node").forEach(n -> nodes.add(n.getTextContent().strip()));
        return nodes;
    }

    private static List<Path> cibs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static void requireTools() {
        if (!Files.isExecutable(Path.of("/usr/sbin/crm_mon")) || !Files.isExecutable(Path.of("/usr/sbin/crm_resource"))) {
            String why = "the corpus test needs Pacemaker's tools: apt-get install pacemaker-cli-utils (.ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
    }
}
