package dev.switchboard.security;

import dev.switchboard.ApiEnvelope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses an account name or password longer than {@link #MAX_LENGTH} characters before anything
 * looks at it: no password check, no failed-login bookkeeping, no audit row that could keep a
 * password typed into the name field. The answer is a 400 naming the field and the limit.
 */
final class CredentialLimits extends OncePerRequestFilter {

    static final int MAX_LENGTH = 256;
    /**
     * No valid login form is larger (two fields of 256 characters, each up to 3 bytes and
     * percent-encoded, and the CSRF token): a larger one is refused before its body is parsed.
     */
    static final long MAX_FORM_BYTES = 8192;

    private final MessageSource messages;
    private final boolean api;

    private CredentialLimits(MessageSource messages, boolean api) {
        this.messages = messages;
        this.api = api;
    }

    /** For the login form (POST /login, fields username and password). */
    static CredentialLimits forLoginForm(MessageSource messages) {
        return new CredentialLimits(messages, false);
    }

    /** For HTTP Basic on the API. */
    static CredentialLimits forBasic(MessageSource messages) {
        return new CredentialLimits(messages, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tooLong = api ? tooLongInBasic(request) : tooLongInForm(request);
        if (tooLong == null) {
            chain.doFilter(request, response);
        } else if (api) {
            ApiEnvelope.write(response, 400, message(tooLong, ApiEnvelope.locale(request)));
        } else {
            String text = HtmlUtils.htmlEscape(message(tooLong, RequestContextUtils.getLocale(request)));
            response.setStatus(400);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html><head><title>400</title></head><body><p>" + text
                    + "</p><p><a href=\"" + HtmlUtils.htmlEscape(request.getContextPath()) + "/login\">"
                    + HtmlUtils.htmlEscape(messages.getMessage("login.title", null,
                    RequestContextUtils.getLocale(request))) + "</a></p></body></html>");
        }
    }

    private String message(String field, Locale locale) {
        if (field.equals("form")) {
            return messages.getMessage("login.formTooLarge", new Object[] {MAX_FORM_BYTES, MAX_LENGTH}, locale);
        }
        return messages.getMessage("login.tooLong", new Object[] {
                messages.getMessage("login." + field, null, locale), MAX_LENGTH}, locale);
    }

    private static String tooLongInForm(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
            return null;
        }
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            return "form";
        }
        return tooLong(request.getParameter("username"), request.getParameter("password"));
    }

    private static String tooLongInBasic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // Spring Security's own Basic filter refuses it
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? tooLong(decoded, null) : tooLong(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static String tooLong(String name, String password) {
        if (name != null && name.length() > MAX_LENGTH) {
            return "username";
        }
        return password != null && password.length() > MAX_LENGTH ? "password" : null;
    }
}
