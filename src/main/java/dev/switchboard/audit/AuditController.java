package dev.switchboard.audit;

import dev.switchboard.audit.AuditExport.Format;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.ServerDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The audit viewer: a filtered timeline, newest first and paged; the detail of one event with
 * the rest of its operation; exports for OPERATOR and ADMIN; and the integrity check anyone may run.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final AuditTrail trail;
    private final AuditIntegrity integrity;
    private final AuditExporter exporter;
    private final ClusterDefinition definition;
    private final ZoneId zone = ZoneId.systemDefault();

    AuditController(AuditSearch search, AuditTrail trail, AuditIntegrity integrity, AuditExporter exporter,
                    ClusterDefinition definition) {
        this.search = search;
        this.trail = trail;
        this.integrity = integrity;
        this.exporter = exporter;
        this.definition = definition;
    }

    @GetMapping("/audit")
    String timeline(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        model.addAttribute("zone", zone);
        model.addAttribute("form", params);
        model.addAttribute("groups", definition.groups().stream().map(FailoverGroup::name).toList());
        model.addAttribute("servers", definition.servers().stream().map(ServerDefinition::name).toList());
        model.addAttribute("outcomes", AuditRecord.Outcome.values());
        integrity.lastCheck().ifPresent(check -> model.addAttribute("lastCheck", check));
        try {
            AuditFilter filter = AuditFilter.parse(params, zone);
            model.addAttribute("filter", filter);
            model.addAttribute("page", search.page(filter, before(params.get("before")), PAGE_SIZE));
        } catch (AuditFilter.Invalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filter", AuditFilter.NONE);
            model.addAttribute("invalid", e);
        }
        return "audit/list";
    }

    @GetMapping("/audit/{id:\\d+}")
    String detail(@PathVariable long id, Model model, HttpServletResponse response) {
        AuditEvent event = trail.find(id).orElse(null);
        if (event == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "There is no audit event " + id + " (it may have been archived).");
            return "error/4xx";
        }
        model.addAttribute("event", event);
        model.addAttribute("zone", zone);
        if (event.operationId() != null) {
            model.addAttribute("sameOperation", trail.ofOperation(event.operationId()));
        }
        return "audit/detail";
    }

    @GetMapping("/audit/export.{format:csv|json}")
    void export(@PathVariable String format, @RequestParam Map<String, String> params, Authentication auth,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        exporter.export(AuditFilter.parse(params, zone), Format.of(format), AuditActor.of(auth, request), response);
    }

    /** Anyone who may read the trail may check it; the result shows on the timeline for everyone. */
    @PostMapping("/audit/integrity")
    String check(Authentication auth, HttpServletRequest request) {
        integrity.check(AuditActor.of(auth, request));
        return "redirect:/audit";
    }

    @ExceptionHandler(AuditFilter.Invalid.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(AuditFilter.Invalid e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error/4xx";
    }

    static Long before(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new AuditFilter.Invalid("before", value, "before", "“" + value + "” is not an event number");
        }
    }
}
