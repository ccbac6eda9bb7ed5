package dev.switchboard.cluster.clpconf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cluster.CheckCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every clp.conf of the shared corpus, in both modes: converted and then passed by the check command
 * run in-process (the embedded engine's rules, or for the overlay those of an engine that reads
 * resources from the cluster, {@code --engine clusterpro}), or refused
 * with a message naming the parts; never a credential in the output.
 */
class ClpConfCorpusTests {

    /** The files refused, by mode; every other file converts. */
    private static final Set<String> REFUSED_EMBEDDED = Set.of(
            "EXPRESSCLUSTER_CreateClusterOnLinux_src-29173d6-lin-bmchb-2groups.conf", // groups without resources
            "mkazuyuki_hauc_cf-template-vMA.conf", // template: %%VMA1%% server names, no group
            "y-oga_Hyper-V-Replica-Cluster_AutoScripts-3c6ddc2.conf", // Windows script resources only
            "y-oga_Hyper-V-Replica-Cluster_LAN-template.conf",
            "y-oga_Hyper-V-Replica-Cluster_WithRouterVM-template.conf");
    private static final Set<String> REFUSED_OVERLAY = Set.of(
            "mkazuyuki_hauc_cf-template-vMA.conf",
            "y-oga_Hyper-V-Replica-Cluster_LAN-template.conf", // INPUT_IP1: no address
            "y-oga_Hyper-V-Replica-Cluster_WithRouterVM-template.conf");
    /** The files that hold passwords or accounts (CLUSTERPRO.md: C#4, C#6–8, C#11, C#22–24; the templates C#9–10). */
    private static final Set<String> WITH_CREDENTIALS = Set.of(
            "EXPRESSCLUSTER_NeoFace_NeoFace-Watch.conf",
            "EXPRESSCLUSTER_MIRACLE-FailSafe_20200916-01_mariadb.conf",
            "EXPRESSCLUSTER_MIRACLE-FailSafe_20200916-02_mariadb_apache.conf",
            "EXPRESSCLUSTER_MIRACLE-FailSafe_20200916-03_mariadb_apache_one_group.conf",
            "EXPRESSCLUSTER_kubernetes_sss4mariadb-48838dc.conf",
            "EXPRESSCLUSTER_kubernetes_sss4mariadb-template.conf",
            "EXPRESSCLUSTER_kubernetes_sss4postgres-template.conf",
            "y-oga_Hyper-V-Replica-Cluster_AutoScripts-3c6ddc2.conf",
            "y-oga_Hyper-V-Replica-Cluster_LAN-template.conf",
            "y-oga_Hyper-V-Replica-Cluster_WithRouterVM-template.conf");

    @TempDir
    Path dir;

    @Test
    void everyFileConvertsAndPassesCheckOrIsRefusedNamingTheParts() throws Exception {
        List<Path> files = ClpConfCorpus.files();
        assertThat(files).hasSize(24);
        Map<String, String> table = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String embedded = sweep(file, false, REFUSED_EMBEDDED.contains(name));
            String overlay = sweep(file, true, REFUSED_OVERLAY.contains(name));
            table.put(name, embedded + " | " + overlay);
        }
        table.forEach((file, result) -> System.out.println("| " + file + " | " + result + " |"));
    }

    @Test
    void noCredentialOfTheCorpusReachesTheOutput() throws Exception {
        for (Path file : ClpConfCorpus.files()) {
            List<String> credentials = credentials(ClpElement.root(ClpConfBytes.read(file).document().getDocumentElement()));
            String name = file.getFileName().toString();
            assertThat(credentials.isEmpty()).as("%s holds credentials", name).isEqualTo(!WITH_CREDENTIALS.contains(name));
            if (credentials.isEmpty()) {
                continue;
            }
            for (boolean overlay : new boolean[] {false, true}) {
                try {
                    String yaml = ClpConfImport.convert(new ClpConfImport.Request(file, null, null, overlay)).yaml();
                    assertThat(yaml).as(name).doesNotContain(credentials);
                } catch (ClpConfRefused e) {
                    assertThat(e.getMessage()).as(name).doesNotContain(credentials);
                }
            }
        }
    }

    /** Converts (with the package's scripts stubbed where clp.conf names them) and reads the result as `check` does. */
    private String sweep(Path file, boolean overlay, boolean refused) throws Exception {
        String name = file.getFileName().toString();
        Path work = Files.createDirectories(dir.resolve((overlay ? "overlay-" : "embedded-") + name));
        ClpConfImport.Conversion first;
        try {
            first = ClpConfImport.convert(new ClpConfImport.Request(file, null, work, overlay));
        } catch (ClpConfRefused e) {
            assertThat(refused).as("%s (%s) was refused: %s", name, overlay ? "overlay" : "embedded", e.getMessage()).isTrue();
            assertThat(e.getMessage()).startsWith(file + " cannot be imported").contains("\n  - /root/", "Fix: ");
            return "refused: " + e.getMessage().lines().skip(1).findFirst().orElse("").trim();
        }
        assertThat(refused).as("%s (%s) converted, expected a refusal", name, overlay ? "overlay" : "embedded").isFalse();
        Path scripts = work.resolve("package/scripts");
        for (String missing : first.missingScripts()) {
            Path script = scripts.resolve(missing.substring("scripts/".length()));
            Files.createDirectories(script.getParent());
            Files.writeString(script, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ClpConfImport.Conversion conversion = ClpConfImport.convert(
                new ClpConfImport.Request(file, Files.createDirectories(scripts), work, overlay));
        assertThat(conversion.missingScripts()).as(name).isEmpty();
        Path yml = Files.writeString(work.resolve("cluster.yml"), conversion.yaml());
        ByteArrayOutputStream checked = new ByteArrayOutputStream();
        int exit = CheckCommand.run(List.of(yml.toString(), "--data-dir", work.resolve("data").toString(),
                "--engine", overlay ? "clusterpro" : "embedded"), new PrintStream(checked, true, StandardCharsets.UTF_8));
        assertThat(exit).as("%s (%s) fails the check:%n%s%n%s", name, overlay ? "overlay" : "embedded",
                checked.toString(StandardCharsets.UTF_8), conversion.yaml()).isZero();
        assertThat(checked.toString(StandardCharsets.UTF_8)).contains("Groups:\n  " + conversion.groups().get(0) + " on ");
        assertThat(conversion.yaml()).startsWith("# ").contains("# Not converted (" + conversion.notConverted().size());
        return "converted: " + String.join(", ", conversion.groups()) + " (" + conversion.notConverted().size()
                + " not converted)";
    }

    /** The texts under every password, passwd or account element. */
    private static List<String> credentials(ClpElement e) {
        List<String> found = new ArrayList<>();
        if (Reasons.credential(e.tag())) {
            collect(e, found);
        } else {
            e.children().forEach(c -> found.addAll(credentials(c)));
        }
        return found;
    }

    private static void collect(ClpElement e, List<String> found) {
        if (e.children().isEmpty() && !e.text().isEmpty()) {
            found.add(e.text());
        }
        e.children().forEach(c -> collect(c, found));
    }
}
