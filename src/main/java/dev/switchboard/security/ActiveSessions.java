package dev.switchboard.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** The open sessions, so deleting an account can end its sessions at once rather than at their next timeout. */
@Component
class ActiveSessions implements HttpSessionListener {

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }

    /** Invalidates every session logged in as {@code account}; returns how many. */
    int endSessionsOf(String account) {
        return endSessionsOf(account, null);
    }

    /** The same, but keeps {@code keep} (the session that asked, e.g. for its own password change). */
    int endSessionsOf(String account, HttpSession keep) {
        int ended = 0;
        for (HttpSession session : sessions) {
            if (keep != null && session.getId().equals(keep.getId())) {
                continue;
            }
            try {
                if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context && isOf(context.getAuthentication(), account)) {
                    session.invalidate();
                    ended++;
                }
            } catch (IllegalStateException alreadyInvalid) {
                sessions.remove(session);
            }
        }
        return ended;
    }

    private static boolean isOf(Authentication authentication, String account) {
        return authentication != null && account.equals(authentication.getName());
    }
}
