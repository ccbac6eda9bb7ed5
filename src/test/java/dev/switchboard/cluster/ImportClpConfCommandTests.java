package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import-clp-conf command line: where the YAML goes, the messages, the exit codes. */
class ImportClpConfCommandTests {

    private static final String CLP_CONF = """
            <?xml version="1.0" encoding="EUC-JP"?>
            <root><all><charset>EUC-JP</charset><serveros>linux</serveros></all><cluster><name>c1</name></cluster>
              <server name="s1"><priority>0</priority><device id="0"><type>lan</type><info>10.1.0.1</info></device></server>
              <group name="g1"><resource name="fip@fip1"/></group>
              <resource><fip name="fip1"><parameters><ip>10.1.0.9</ip></parameters></fip></resource>
            </root>
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportClpConfCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheYamlToStandardOutputAndTheSummaryToStandardError() throws Exception {
        Path file = Files.writeString(dir.resolve("clp.conf"), CLP_CONF);

        assertThat(run(file.toString())).as(err()).isZero();

        assertThat(out()).startsWith("# cluster.yml for the embedded engine").contains("cluster:\n  name: c1");
        assertThat(err()).startsWith("Imported " + file + ": 1 group(s) (g1), ");
    }

    @Test
    void writesAnOverlayToTheOutputFileThatCheckAccepts() throws Exception {
        Path file = Files.writeString(dir.resolve("clp.conf"), CLP_CONF);
        Path output = dir.resolve("overlay.yml");

        assertThat(run(file.toString(), "--overlay", "--output", output.toString())).as(err()).isZero();

        assertThat(out()).isEmpty();
        assertThat(Files.readString(output)).startsWith("# Overlay for the clusterpro engine").contains("address: 10.1.0.1");
        assertThat(err()).contains("into " + output);
        assertThat(CheckCommand.run(List.of(output.toString(), "--engine", "clusterpro"), new PrintStream(out))).isZero();
    }

    @Test
    void aRefusedFileAnswersOneWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("clp.conf"), CLP_CONF.replace("s1", "%%S1%%"));

        assertThat(run(file.toString())).isEqualTo(1);

        assertThat(out()).isEmpty();
        assertThat(err()).contains(file + " cannot be imported", "/root/server@%%S1%%");
    }

    @Test
    void aWrongCommandLineAnswersTwoWithTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("Give the clp.conf to import.", ImportClpConfCommand.USAGE);

        assertThat(run("a.conf", "--scripts", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(err()).contains("is not a directory");

        assertThat(run("a.conf", "--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("Unknown option '--frobnicate'.");
    }
}
