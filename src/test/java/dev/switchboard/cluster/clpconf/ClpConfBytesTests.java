package dev.switchboard.cluster.clpconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clp.conf bytes in the encodings the vendor writes, including an ASCII declaration over Japanese bytes. */
class ClpConfBytesTests {

    private static final String JAPANESE = "共有ディスク";

    @TempDir
    Path dir;

    private Path write(String declared, String encode, Charset bytesIn) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(("<?xml version=\"1.0\" encoding=\"" + declared + "\"?>\n<root>\n  <all><charset>" + declared
                + "</charset><encode>" + encode + "</encode></all>\n  <cluster><name>c1</name><comment>")
                .getBytes(StandardCharsets.US_ASCII));
        bytes.write(JAPANESE.getBytes(bytesIn));
        bytes.write("</comment></cluster>\n</root>\n".getBytes(StandardCharsets.US_ASCII));
        return Files.write(dir.resolve("clp.conf"), bytes.toByteArray());
    }

    private static String comment(ClpConfBytes.Read read) {
        return ClpElement.root(read.document().getDocumentElement()).text("cluster/comment").orElseThrow();
    }

    @Test
    void eucJpIsReadAsDeclared() throws Exception {
        ClpConfBytes.Read read = ClpConfBytes.read(write("EUC-JP", "EUC-JP", Charset.forName("EUC-JP")));

        assertThat(comment(read)).isEqualTo(JAPANESE);
        assertThat(read.note()).isEmpty();
    }

    @Test
    void sjisAndShiftJisAreReadAsDeclared() throws Exception {
        assertThat(comment(ClpConfBytes.read(write("SJIS", "SJIS", Charset.forName("Shift_JIS"))))).isEqualTo(JAPANESE);
        assertThat(comment(ClpConfBytes.read(write("Shift_JIS", "SJIS", Charset.forName("Shift_JIS"))))).isEqualTo(JAPANESE);
    }

    @Test
    void anAsciiDeclarationOverSjisBytesIsReadAgainAsAllEncodeSays() throws Exception {
        Path file = write("ASCII", "SJIS", Charset.forName("Shift_JIS"));

        ClpConfBytes.Read read = ClpConfBytes.read(file);

        assertThat(comment(read)).isEqualTo(JAPANESE);
        int offset = Files.readString(file, StandardCharsets.ISO_8859_1).indexOf("<comment>") + "<comment>".length();
        assertThat(read.note()).contains("declared ASCII but byte offset " + offset + " is not ASCII", "windows-31j");
    }

    @Test
    void anAsciiDeclarationOverHighBytesWithoutAJapaneseEncodingIsRefusedWithTheOffset() throws Exception {
        Path file = write("ASCII", "ASCII", Charset.forName("Shift_JIS"));
        int offset = Files.readString(file, StandardCharsets.ISO_8859_1).indexOf("<comment>") + "<comment>".length();

        assertThatThrownBy(() -> ClpConfBytes.read(file)).isInstanceOf(ClpConfRefused.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("at byte offset " + offset + " is not ASCII");
    }

    @Test
    void bytesTheDeclaredEncodingDoesNotHaveAreRefusedWithTheirOffset() throws Exception {
        Path file = write("EUC-JP", "EUC-JP", StandardCharsets.UTF_8);
        int offset = Files.readString(file, StandardCharsets.ISO_8859_1).indexOf("<comment>") + "<comment>".length();

        assertThatThrownBy(() -> ClpConfBytes.read(file)).isInstanceOf(ClpConfRefused.class)
                .hasMessageContaining(file + ": the bytes at byte offset " + offset + " (0xe5) are not valid EUC-JP");
    }

    @Test
    void malformedXmlIsRefusedWithLineAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("clp.conf"), "<?xml version=\"1.0\" encoding=\"ASCII\"?>\n<root>\n<GRP1>\n</root>\n");

        assertThatThrownBy(() -> ClpConfBytes.read(file)).isInstanceOf(ClpConfRefused.class)
                .hasMessageStartingWith(file + ":4:").hasMessageContaining("not well-formed XML");
    }
}
