package dev.switchboard.security;

import dev.switchboard.ApiEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;

/**
 * The API's 401 and 403, written by the security filters before any controller runs, in the
 * vendor's envelope and the reader's language (web.ApiErrors answers everything after them).
 */
final class ApiRefusals {

    private final MessageSource messages;
    private final RefusalsWithoutAccount withoutAccount;

    ApiRefusals(MessageSource messages, RefusalsWithoutAccount withoutAccount) {
        this.messages = messages;
        this.withoutAccount = withoutAccount;
    }

    /** No credentials, or wrong ones: the entry point of HTTP Basic. */
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InsufficientAuthenticationException) { // no credentials at all; wrong ones are failed logins
            withoutAccount.count(request.getRemoteAddr(), RefusalsWithoutAccount.Kind.NO_LOGIN);
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Switchboard\"");
        write(request, response, 401, "api.error.unauthenticated");
    }

    void tokenRevoked(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 401, "api.error.tokenRevoked");
    }

    /** The role does not allow the request (the refusal is audited before this answer). */
    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "api.error.forbidden", request.getMethod(), request.getRequestURI());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String key,
                       Object... args) throws IOException {
        ApiEnvelope.write(response, status, messages.getMessage(key, args, ApiEnvelope.locale(request)));
    }
}
