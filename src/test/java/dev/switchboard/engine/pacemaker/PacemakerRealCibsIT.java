package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.OperationFailed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The two other readers of a CIB over every CIB of the corpus (and of {@code -Dpacemaker.cib.corpus=DIR}):
 * discovery ({@link PacemakerDefinition} completing a cluster.yml that names every group of the CIB)
 * and the placement explainer ({@link PacemakerPlacement#explain} on the CIB and the real
 * {@code crm_simulate -x FILE -s --output-as=xml} of it) for every resource of the CIB. Any exception
 * is a failure; an explainer's {@link OperationFailed} is one too unless crm_simulate itself refused the CIB.
 */
class PacemakerRealCibsIT {

    @Test
    void discoveryAndThePlacementExplainerReadEveryCib() throws IOException {
        if (!Files.isExecutable(Path.of("/usr/sbin/crm_simulate"))) {
            Assumptions.abort("needs Pacemaker's crm_simulate: apt-get install pacemaker (.ci/run does)");
        }
        List<Path> cibs = new ArrayList<>(cibs(PacemakerInventoryTests.CORPUS));
        String more = System.getProperty("pacemaker.cib.corpus", "");
        if (!more.isBlank()) {
            cibs.addAll(cibs(Path.of(more)));
        }
        List<String> problems = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int explained = 0;
        long started = System.nanoTime();
        for (Path file : cibs) {
            String xml = Files.readString(file);
            try {
                Cib cib = Cib.parse(xml);
                PacemakerDefinition.complete(declared(file, cib), cib);
            } catch (RuntimeException e) {
                problems.add(file.getFileName() + " (discovery): " + e);
            }
            dev.switchboard.engine.polling.ServerCommands.Result scores = new PacemakerCommands(List.of("env"), Duration.ofSeconds(60))
                    .attempt("n1", "crm_simulate", "-x", file.toAbsolutePath().toString(), "-s", "--output-as=xml");
            if (scores.exitCode() != 0) {
                refused.add(file.getFileName() + ": " + scores.stderr().strip());
                continue;
            }
            String output = xml + "\n" + PacemakerPlacement.SEPARATOR + "\n" + scores.stdout();
            for (String resource : resources(xml)) {
                try {
                    PacemakerPlacement.explain(output, resource);
                    explained++;
                } catch (RuntimeException e) {
                    problems.add(file.getFileName() + " (placement of " + resource + "): " + e);
                }
            }
        }
        System.out.printf("PacemakerRealCibsIT: %d CIBs, %d placements explained, %d refused by crm_simulate %s,"
                + " %d ms%n", cibs.size(), explained, refused.size(), refused, (System.nanoTime() - started) / 1_000_000);
        assertThat(problems).as("%d CIBs, %d placements explained", cibs.size(), explained).isEmpty();
    }

    /** A cluster.yml naming every group the CIB has, as a user of discovery would write it. */
    private static ClusterDefinition declared(Path file, Cib cib) {
        List<FailoverGroup> groups = cib.groups().stream().map(g -> new FailoverGroup(g.id(), List.of("n1"), false,
                true, List.of(), List.of(), null, null, List.of())).toList();
        return new ClusterDefinition("real", file, List.of(new ServerDefinition("n1", "127.0.0.1", "/")), groups,
                List.of(), null);
    }

    /** Every primitive, group, clone and bundle id of the configuration. */
    private static List<String> resources(String xml) {
        org.w3c.dom.NodeList all = CrmMon.document(xml).getElementsByTagName("*");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            if (List.of("primitive", "group", "clone", "master", "bundle").contains(e.getTagName())
                    && e.getParentNode() != null && !"lrm_resource".equals(e.getParentNode().getNodeName())) {
                ids.add(e.getAttribute("id"));
            }
        }
        return ids;
    }

    private static List<Path> cibs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
