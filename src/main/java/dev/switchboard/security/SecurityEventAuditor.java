package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Logins, failed logins, lockouts and logouts go to the audit trail; failures count toward a lockout. */
@Component
class SecurityEventAuditor {

    private final AuditTrail trail;
    private final LoginAttempts attempts;
    private final Accounts accounts;

    SecurityEventAuditor(AuditTrail trail, LoginAttempts attempts, Accounts accounts) {
        this.trail = trail;
        this.attempts = attempts;
        this.accounts = accounts;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        attempts.recordSuccess(auth.getName());
        AuditActor actor = AuditActor.of(auth, null);
        trail.record(new AuditRecord(actor.name(), actor.role(), source(auth), "login", actor.name(), Outcome.SUCCESS,
                null));
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        // a name that is no account may be a password typed into the wrong field: never keep it
        String name = accounts.find(typed).isPresent() ? typed : "(unknown name)";
        String source = source(event.getAuthentication());
        if (event instanceof AuthenticationFailureLockedEvent) {
            trail.record(new AuditRecord(name, null, source, "login", name, Outcome.DENIED, "the account is locked"));
            return;
        }
        trail.record(new AuditRecord(name, null, source, "login", name, Outcome.FAILURE,
                event.getException().getClass().getSimpleName()));
        if (attempts.recordFailure(typed)) {
            trail.record(new AuditRecord("system", null, source, "account-locked", name, Outcome.INFO,
                    "too many failed logins; locked for a while"));
        }
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        AuditActor actor = AuditActor.of(event.getAuthentication(), null);
        trail.record(new AuditRecord(actor.name(), actor.role(), source(event.getAuthentication()), "logout",
                actor.name(), Outcome.SUCCESS, null));
    }

    private static String source(Authentication auth) {
        return auth != null && auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
