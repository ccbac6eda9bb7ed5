package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.security.SecurityEvent.AccessDenied;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Publishes every refused request for the audit trail, then answers 403 the way the caller expects. */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final ApplicationEventPublisher events;
    private final AccessDeniedHandler answer;

    AuditingAccessDeniedHandler(ApplicationEventPublisher events, AccessDeniedHandler answer) {
        this.events = events;
        this.answer = answer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        AuditActor actor = AuditActor.of(SecurityContextHolder.getContext().getAuthentication(), request);
        // waits for the row (SecurityEvent's default), so the refusal is on record before the 403
        events.publishEvent(new AccessDenied(actor, request.getMethod() + " " + request.getRequestURI(),
                denied.getMessage()));
        answer.handle(request, response, denied);
    }
}
