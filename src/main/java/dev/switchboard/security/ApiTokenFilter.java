package dev.switchboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} with an API token; a wrong token gets 401 at once. */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ApiRefusals refusals;

    ApiTokenFilter(ApiTokens tokens, ApiRefusals refusals) {
        this.tokens = tokens;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Principal> principal = tokens.authenticate(header.substring(7).trim());
        if (principal.isEmpty()) {
            refusals.tokenRevoked(request, response);
            return;
        }
        // the token acts under its own name, so the audit trail says which script did what
        var authentication = UsernamePasswordAuthenticationToken.authenticated("token:" + principal.get().tokenName(), null,
                List.of(new SimpleGrantedAuthority(principal.get().role().authority())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
