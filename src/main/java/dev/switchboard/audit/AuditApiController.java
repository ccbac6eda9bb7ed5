package dev.switchboard.audit;

import dev.switchboard.ApiEnvelope;
import dev.switchboard.audit.AuditExport.Format;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for scripts, in the API's envelope ({@code result: {code, message}}): the
 * filtered timeline a page at a time, one event, the integrity check, and the exports. A bad
 * filter value ({@link AuditFilter.Invalid}) is answered 400 by the API's error advice, naming it.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditSearch search;
    private final AuditTrail trail;
    private final AuditIntegrity integrity;
    private final AuditExporter exporter;
    private final ZoneId zone = ZoneId.systemDefault();

    AuditApiController(AuditSearch search, AuditTrail trail, AuditIntegrity integrity, AuditExporter exporter) {
        this.search = search;
        this.trail = trail;
        this.integrity = integrity;
        this.exporter = exporter;
    }

    @GetMapping
    Map<String, Object> events(@RequestParam Map<String, String> params, HttpServletRequest request) {
        AuditFilter filter = AuditFilter.parse(params, zone);
        AuditSearch.Page page = search.page(filter, AuditController.before(params.get("before")),
                limit(params.get("limit")));
        String next = page.olderBefore() == null ? null : request.getContextPath() + "/api/v1/audit?" + (filter.isEmpty() ? ""
                : filter.query() + "&") + "before=" + page.olderBefore()
                + (params.get("limit") == null ? "" : "&limit=" + limit(params.get("limit")));
        return envelope("events", page.events(), "next", next);
    }

    @GetMapping("/{id:\\d+}")
    ResponseEntity<Map<String, Object>> event(@PathVariable long id) {
        return trail.find(id).map(e -> ResponseEntity.ok(envelope("event", e)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(error(404,
                        "There is no audit event " + id + " (it may have been archived).")));
    }

    @GetMapping("/integrity")
    Map<String, Object> integrity(Authentication auth, HttpServletRequest request) {
        ChainCheck check = integrity.check(AuditActor.of(auth, request));
        return envelope("intact", check.intact(), "lastGoodId", check.lastGoodId(), "brokenAtId", check.brokenAtId(),
                "problem", check.problem(), "checked", check.checked(), "archivedChecked", check.archivedChecked(),
                "summary", check.describe());
    }

    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "csv") String format, @RequestParam Map<String, String> params,
                Authentication auth, HttpServletRequest request, HttpServletResponse response) throws IOException {
        exporter.export(AuditFilter.parse(params, zone), Format.of(format), AuditActor.of(auth, request), response);
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return AuditController.PAGE_SIZE;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= AuditSearch.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AuditFilter.Invalid("limit", value, "limit", "“" + value + "” is not a page size; use 1 to "
                + AuditSearch.MAX_PAGE);
    }

    private static Map<String, Object> envelope(Object... fields) {
        return ApiEnvelope.body(0, "", fields);
    }

    private static Map<String, Object> error(int status, String message) {
        return new LinkedHashMap<>(ApiEnvelope.body(ApiEnvelope.code(status), message));
    }
}
