package dev.switchboard.audit;

import dev.switchboard.audit.AuditExport.Format;
import dev.switchboard.audit.AuditRecord.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Sends an export as a download and puts it on the record: who took which events, and how many. */
@Component
class AuditExporter {

    private final AuditExport export;
    private final AuditWriter writer;
    private final AuditIntegrity integrity;

    AuditExporter(AuditExport export, AuditWriter writer, AuditIntegrity integrity) {
        this.export = export;
        this.writer = writer;
        this.integrity = integrity;
    }

    void export(AuditFilter filter, Format format, AuditActor actor, HttpServletResponse response) throws IOException {
        String name = "audit-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "."
                + format.extension;
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        String what = format.name() + " of " + (filter.isEmpty() ? "all events" : "events where " + filter.query());
        integrity.archiving.readLock().lock(); // retention must not remove rows the export has yet to read
        try {
            long count = export.write(filter, format, response.getOutputStream());
            record(actor, Outcome.SUCCESS, what + ": " + count + " events");
        } catch (IOException | RuntimeException e) {
            record(actor, Outcome.FAILURE, what + ": interrupted (" + e.getMessage() + ")");
            throw e;
        } finally {
            integrity.archiving.readLock().unlock();
        }
    }

    private void record(AuditActor actor, Outcome outcome, String details) {
        writer.write(new AuditRecord(actor.name(), actor.role(), actor.source(), "audit-exported", "audit trail",
                outcome, details));
    }
}
