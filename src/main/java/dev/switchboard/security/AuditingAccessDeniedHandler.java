package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.AuditTrail;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Records every refused request in the audit trail, then answers 403 the way the caller expects. */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditTrail trail;
    private final AccessDeniedHandler answer;

    AuditingAccessDeniedHandler(AuditTrail trail, AccessDeniedHandler answer) {
        this.trail = trail;
        this.answer = answer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        AuditActor actor = AuditActor.of(SecurityContextHolder.getContext().getAuthentication(), request);
        trail.record(new AuditRecord(actor.name(), actor.role(), actor.source(), "access-denied",
                request.getMethod() + " " + request.getRequestURI(), Outcome.DENIED, denied.getMessage()));
        answer.handle(request, response, denied);
    }
}
