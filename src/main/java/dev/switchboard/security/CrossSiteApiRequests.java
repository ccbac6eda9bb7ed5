package dev.switchboard.security;

import dev.switchboard.ApiEnvelope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a changing API request that a browser sends from another site. A browser that once
 * logged in to the API with HTTP Basic resends those credentials by itself, so a page elsewhere
 * could otherwise post a move. Browsers name the page's origin (Origin, Sec-Fetch-Site); scripts
 * and the vendor's clients send neither, so they are unaffected whatever content type they use.
 */
final class CrossSiteApiRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final MessageSource messages;

    CrossSiteApiRequests(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        ApiEnvelope.write(response, 403, messages.getMessage("api.error.crossSite",
                new Object[] {request.getMethod(), request.getRequestURI()}, ApiEnvelope.locale(request)));
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            int port = from.getPort() != -1 ? from.getPort() : "https".equals(from.getScheme()) ? 443 : 80;
            return !(request.getServerName().equalsIgnoreCase(from.getHost()) && request.getServerPort() == port
                    && request.getScheme().equalsIgnoreCase(from.getScheme()));
        } catch (IllegalArgumentException e) {
            return true; // "null" (a sandboxed page) or garbage: not this site
        }
    }
}
