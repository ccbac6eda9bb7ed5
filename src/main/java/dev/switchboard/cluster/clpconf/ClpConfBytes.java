package dev.switchboard.cluster.clpconf;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads clp.conf's bytes as the vendor writes them: in the encoding its XML declaration names
 * (ASCII, EUC-JP, SJIS/Shift_JIS, GB2312, UTF-8). A GUI saving on Windows may declare ASCII over
 * Japanese bytes; then the file is read again in the encoding {@code <all><encode>} or
 * {@code <all><charset>} names. A failure names the file and the byte offset.
 */
final class ClpConfBytes {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9_.:-]+)[\"']");
    private static final Pattern ENCODE = Pattern.compile("<encode>\\s*([A-Za-z0-9_-]+)\\s*</encode>");
    private static final Pattern CHARSET = Pattern.compile("<charset>\\s*([A-Za-z0-9_-]+)\\s*</charset>");

    /** The document and how it was read, for the output's header. */
    record Read(Document document, String declared, Charset readAs, String note) {
    }

    private ClpConfBytes() {
    }

    static Read read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClpConfRefused(file + " cannot be read: " + e.getMessage()
                    + ". Fix: give the path of a readable clp.conf.");
        }
        String ascii = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARED.matcher(ascii);
        String declared = declaration.find() ? declaration.group(1) : "UTF-8";
        Charset charset = charset(declared).orElseThrow(() -> new ClpConfRefused(file + ": the XML declaration names the"
                + " encoding '" + declared + "', which is not one the vendor writes. Fix: save it as ASCII, EUC-JP,"
                + " SJIS or UTF-8."));
        int firstHigh = firstByteAbove7Bits(bytes);
        if (charset.equals(StandardCharsets.US_ASCII) && firstHigh >= 0) {
            Set<Charset> candidates = new LinkedHashSet<>();
            find(ENCODE, ascii).flatMap(ClpConfBytes::charset).ifPresent(candidates::add);
            find(CHARSET, ascii).flatMap(ClpConfBytes::charset).ifPresent(candidates::add);
            candidates.remove(StandardCharsets.US_ASCII);
            if (candidates.isEmpty()) {
                throw new ClpConfRefused(file + ": byte 0x" + Integer.toHexString(bytes[firstHigh] & 0xff)
                        + " at byte offset " + firstHigh + " is not ASCII, as the XML declaration says, and neither"
                        + " <all><encode> nor <all><charset> names another encoding. Fix: correct the declaration"
                        + " to the encoding the file was saved in (EUC-JP or SJIS).");
            }
            ClpConfRefused last = null;
            for (Charset candidate : candidates) {
                try {
                    String note = "declared ASCII but byte offset " + firstHigh + " is not ASCII; read as "
                            + candidate.name() + " as <all> names it";
                    return new Read(parse(file, decode(file, bytes, candidate)), declared, candidate, note);
                } catch (ClpConfRefused e) {
                    last = e;
                }
            }
            throw last;
        }
        return new Read(parse(file, decode(file, bytes, charset)), declared, charset, "");
    }

    /** The Java charset for a name the vendor writes; SJIS is read as Windows-31J, its superset on Windows. */
    static Optional<Charset> charset(String name) {
        String key = name.toUpperCase(Locale.ROOT).replace('_', '-');
        return Optional.ofNullable(switch (key) {
            case "ASCII", "US-ASCII" -> StandardCharsets.US_ASCII;
            case "EUC-JP", "EUCJP" -> Charset.forName("EUC-JP");
            case "SJIS", "SHIFT-JIS", "MS932", "WINDOWS-31J", "CP932" -> Charset.forName("windows-31j");
            case "GB2312" -> Charset.forName("GB2312");
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            default -> null;
        });
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static int firstByteAbove7Bits(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0x80) != 0) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes strictly, so that a byte the encoding does not have is reported with its offset. */
    static String decode(Path file, byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new ClpConfRefused(file + ": the bytes at byte offset " + offset + " (0x"
                    + Integer.toHexString(bytes[offset] & 0xff) + ") are not valid " + charset.name()
                    + ". Fix: save the file in the encoding its XML declaration names.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static Document parse(Path file, String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new ClpConfRefused(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": not well-formed XML: "
                    + e.getMessage() + " Fix: correct the file (a template's placeholders must be filled in first).");
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ClpConfRefused(file + ": cannot be parsed as XML: " + e.getMessage());
        }
    }
}
