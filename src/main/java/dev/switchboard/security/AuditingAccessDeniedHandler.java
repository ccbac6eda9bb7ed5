package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.security.SecurityEvent.AccessDenied;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Publishes every refused request for the audit trail, then answers 403 the way the caller
 * expects; a form posted without a CSRF token by nobody logged in is counted per address and
 * minute instead ({@link RefusalsWithoutAccount}), so a flood of them cannot flood the trail.
 */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final ApplicationEventPublisher events;
    private final AccessDeniedHandler answer;
    private final RefusalsWithoutAccount withoutAccount;

    AuditingAccessDeniedHandler(ApplicationEventPublisher events, AccessDeniedHandler answer,
                                RefusalsWithoutAccount withoutAccount) {
        this.events = events;
        this.answer = answer;
        this.withoutAccount = withoutAccount;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (denied instanceof CsrfException && (who == null || who instanceof AnonymousAuthenticationToken)) {
            withoutAccount.count(request.getRemoteAddr(), RefusalsWithoutAccount.Kind.NO_CSRF_TOKEN);
            answer.handle(request, response, denied);
            return;
        }
        AuditActor actor = AuditActor.of(who, request);
        // waits for the row (SecurityEvent's default), so the refusal is on record before the 403
        events.publishEvent(new AccessDenied(actor, request.getMethod() + " " + request.getRequestURI(),
                denied.getMessage()));
        answer.handle(request, response, denied);
    }
}
