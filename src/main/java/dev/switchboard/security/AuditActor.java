package dev.switchboard.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is acting, for the audit trail: name and highest role of the authentication, or "anonymous". */
public record AuditActor(String name, String role, String source) {

    public static AuditActor of(Authentication authentication, HttpServletRequest request) {
        String source = request == null ? null : request.getRemoteAddr();
        if (authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            return new AuditActor("anonymous", null, source);
        }
        String role = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .max((a, b) -> Integer.compare(rank(a), rank(b))).orElse(null);
        return new AuditActor(authentication.getName(), role, source);
    }

    private static int rank(String role) {
        try {
            return Role.valueOf(role).ordinal();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
