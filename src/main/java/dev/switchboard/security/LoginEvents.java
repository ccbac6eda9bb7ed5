package dev.switchboard.security;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.security.SecurityEvent.AccountLocked;
import dev.switchboard.security.SecurityEvent.LoggedOut;
import dev.switchboard.security.SecurityEvent.LoginFailed;
import dev.switchboard.security.SecurityEvent.LoginRefusedWhileLocked;
import dev.switchboard.security.SecurityEvent.LoginSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's login and logout events into Switchboard's own ({@link SecurityEvent}),
 * for the audit trail; failed logins count toward a lockout.
 */
@Component
class LoginEvents {

    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final ApplicationEventPublisher events;
    private final LoginAttempts attempts;
    private final Accounts accounts;

    LoginEvents(ApplicationEventPublisher events, LoginAttempts attempts, Accounts accounts) {
        this.events = events;
        this.attempts = attempts;
        this.accounts = accounts;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        attempts.recordSuccess(auth.getName(), source(auth));
        AuditActor actor = AuditActor.of(auth, null);
        events.publishEvent(new LoginSucceeded(actor.name(), actor.role(), source(auth)));
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        // a name that is no account may be a password typed into the wrong field: never keep it
        boolean account = accounts.find(typed).isPresent() || event.getException() instanceof DirectoryLoginRefused;
        String name = account ? typed : "(unknown name)";
        String source = source(event.getAuthentication());
        if (event instanceof AuthenticationFailureLockedEvent) {
            events.publishEvent(new LoginRefusedWhileLocked(name, source));
            return;
        }
        events.publishEvent(new LoginFailed(name, source, event.getException().getClass().getSimpleName()));
        if (event.getException() instanceof DirectoryUnavailable down) {
            // for the administrator: the login page tells anyone only that the directory did not answer
            log.warn("The directory server {} did not answer: {}. Local accounts can still log in.", down.servers(),
                    down.reason());
            return; // the directory did not answer: no password was wrong, nothing counts toward a lockout
        }
        if (attempts.recordFailure(typed, source, account)) {
            events.publishEvent(new AccountLocked(name, source));
        }
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        AuditActor actor = AuditActor.of(event.getAuthentication(), null);
        events.publishEvent(new LoggedOut(actor.name(), actor.role(), source(event.getAuthentication())));
        events.publishEvent(new SessionsEnded(actor.name())); // the logged-out session's stream ends now
    }

    private static String source(Authentication auth) {
        return auth != null && auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
