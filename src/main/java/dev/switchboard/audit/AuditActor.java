package dev.switchboard.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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

    private static final List<String> ROLES_LOW_TO_HIGH = List.of("VIEWER", "OPERATOR", "ADMIN");

    private static int rank(String role) {
        return ROLES_LOW_TO_HIGH.indexOf(role);
    }
}
