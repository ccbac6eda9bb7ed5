package dev.switchboard.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the events of a filter as they are read, oldest first: CSV (UTF-8 with a byte-order
 * mark, so spreadsheet software shows Japanese correctly) or a JSON array. Every field is
 * included, hashes too. The JSON export can be checked against the chain as it is; in the CSV a
 * value that starts like a formula carries an extra leading apostrophe (see {@link #cell}).
 */
@Component
public class AuditExport {

    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"), JSON("application/json", "json");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equals(name)) {
                    return f;
                }
            }
            throw new AuditFilter.Invalid("format", name, "format", "“" + name + "” is not an export format; use csv"
                    + " or json");
        }
    }

    private static final String[] HEADER = {"id", "time_utc", "actor", "role", "source", "action", "target", "group",
            "server", "operation", "outcome", "state_before", "state_after", "details", "prev_hash", "hash"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditSearch search;

    public AuditExport(AuditSearch search) {
        this.search = search;
    }

    /** Streams the export to {@code out}; returns how many events it held. */
    public long write(AuditFilter filter, Format format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            long count = format == Format.CSV ? csv(filter, writer) : json(filter, writer);
            writer.flush();
            return count;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long csv(AuditFilter filter, Writer writer) throws IOException {
        writer.write('\uFEFF');
        writer.write(String.join(",", HEADER) + "\r\n");
        return search.forEach(filter, e -> line(writer, Stream.of(Long.toString(e.id()), e.at().toString(), e.actor(),
                e.role(), e.source(), e.action(), e.target(), e.group(), e.server(), e.operationId(), e.outcome(),
                e.stateBefore(), e.stateAfter(), e.details(), e.prevHash(), e.hash())
                .map(AuditExport::cell).collect(Collectors.joining(",")) + "\r\n"));
    }

    private long json(AuditFilter filter, Writer writer) throws IOException {
        writer.write("[");
        boolean[] first = {true};
        long count = search.forEach(filter, e -> {
            line(writer, (first[0] ? "\n" : ",\n") + JSON.writeValueAsString(e));
            first[0] = false;
        });
        writer.write("\n]\n");
        return count;
    }

    private static void line(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (=, +, -, @ first)
     * gets a leading apostrophe, so an exported reason cannot attack whoever opens the file.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
