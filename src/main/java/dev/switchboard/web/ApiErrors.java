package dev.switchboard.web;

import dev.switchboard.ApiEnvelope;
import dev.switchboard.audit.AuditFilter;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.operations.GroupHeld;
import dev.switchboard.operations.Operation;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The vendor's envelope for every error of the API, written in one place. The API controllers'
 * exceptions arrive here as an {@code @ExceptionHandler}; errors raised before a controller (no
 * handler for the path or the method, the firewall's refusal, a malformed address) arrive through
 * {@link ApiErrorsBeforeController}, Boot's /error for API addresses. A message is in the reader's
 * language where a message key exists, English otherwise; an engine's failure ({@code OperationFailed})
 * is answered 500 with its own words; an unexpected failure is logged and answered 500 without its details.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // PageErrors matches @RestController too (it is a @Controller): these answers win
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The one body the API accepts (operations), as the fix for an unreadable one. */
    static final String BODY_EXAMPLE = "{\"target\": \"srv2\", \"reason\": \"maintenance\"}";

    /** One error: its status, headers (Allow for a 405), message, and keys after the result. */
    record Answer(HttpStatusCode status, HttpHeaders headers, String message, Map<String, Object> extra) {

        ResponseEntity<Map<String, Object>> toResponse() {
            Map<String, Object> body = ApiEnvelope.body(ApiEnvelope.code(status.value()), message);
            body.putAll(extra);
            return ResponseEntity.status(status).headers(headers).body(body);
        }
    }

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handle(Exception e, HttpServletRequest request) {
        return answer(e, request).toResponse();
    }

    /** An error that came to /error from an API address: by its exception when there is one, else by its status. */
    Answer beforeController(@Nullable Throwable error, int status, HttpServletRequest request) {
        return error == null ? byStatus(HttpStatus.valueOf(status), request) : answer(error, request);
    }

    /** The answer to a failure, by its type (the order matters: AuditFilter.Invalid is an IllegalArgumentException). */
    Answer answer(Throwable error, HttpServletRequest request) {
        Locale locale = ApiEnvelope.locale(request);
        Throwable e = unwrap(error);
        if (e instanceof NameNotFound || e instanceof NoInventory) {
            return plain(HttpStatus.NOT_FOUND, text(e, locale));
        }
        if (e instanceof GroupHeld held) {
            return new Answer(HttpStatus.CONFLICT, HttpHeaders.EMPTY, text(e, locale), Map.of("holder",
                    holder(held.holder())));
        }
        if (e instanceof GroupBusy || e instanceof OperationNotAllowed) {
            return plain(HttpStatus.CONFLICT, text(e, locale));
        }
        if (e instanceof OperationFailed) {
            // the engine tried and did not reach the goal: its words say what failed and the state now
            log.warn("API request {} {} failed in the engine: {}", request.getMethod(), path(request), e.getMessage());
            return plain(HttpStatus.INTERNAL_SERVER_ERROR, text(e, locale));
        }
        if (e instanceof AuditFilter.Invalid invalid) {
            return badParameter(invalid.parameter(), translatedOr(invalid.getMessage(), locale,
                    "audit.filter.invalid." + invalid.problem(), invalid.parameter(), invalid.value(),
                    ZoneId.systemDefault()));
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            String type = typeWord(m.getRequiredType(), locale);
            return badParameter(m.getName(), message(locale, "api.error.parameterType", m.getName(),
                    String.valueOf(m.getValue()), type));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return badParameter(m.getParameterName(), message(locale, "api.error.parameterMissing",
                    m.getParameterName()));
        }
        if (e instanceof HttpMessageNotReadableException m) {
            return plain(HttpStatus.BAD_REQUEST, unreadableBody(m, locale));
        }
        if (e instanceof RequestRejectedException) {
            return plain(HttpStatus.BAD_REQUEST, message(locale, "api.error.malformed"));
        }
        if (e instanceof IllegalArgumentException) {
            return plain(HttpStatus.BAD_REQUEST, text(e, locale));
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            String allowed = m.getSupportedHttpMethods() == null ? "" : m.getSupportedHttpMethods().stream()
                    .map(Object::toString).collect(Collectors.joining(", "));
            return new Answer(HttpStatus.METHOD_NOT_ALLOWED, m.getHeaders(), message(locale, "api.error.method",
                    m.getMethod(), path(request), allowed), Map.of());
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return plain(HttpStatus.NOT_FOUND, message(locale, "api.error.endpoint"));
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return new Answer(m.getStatusCode(), m.getHeaders(), message(locale, "api.error.mediaType"), Map.of());
        }
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            Answer byStatus = byStatus(r.getStatusCode(), request);
            return new Answer(r.getStatusCode(), r.getHeaders(), byStatus.message(), Map.of());
        }
        log.error("API request {} {} failed", request.getMethod(), path(request), error);
        return plain(HttpStatus.INTERNAL_SERVER_ERROR, message(locale, "api.error.internal"));
    }

    /** Errors that come with a status only (Tomcat's and the firewall's refusals, a sendError). */
    private Answer byStatus(HttpStatusCode status, HttpServletRequest request) {
        Locale locale = ApiEnvelope.locale(request);
        String message = switch (status.value()) {
            case 400 -> message(locale, "api.error.malformed");
            case 401 -> message(locale, "api.error.unauthenticated");
            case 403 -> message(locale, "api.error.forbidden", request.getMethod(), path(request));
            case 404 -> message(locale, "api.error.endpoint");
            case 415 -> message(locale, "api.error.mediaType");
            default -> status.is5xxServerError() ? message(locale, "api.error.internal")
                    : message(locale, "api.error.status", status.value());
        };
        return plain(status, message);
    }

    /** Names the body's field when the JSON parsed but a value did not fit; the fix is an example body. */
    private String unreadableBody(HttpMessageNotReadableException e, Locale locale) {
        if (e.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return message(locale, "api.error.bodyField", field, BODY_EXAMPLE);
        }
        return message(locale, "api.error.body", BODY_EXAMPLE);
    }

    /** How a parameter's type reads in a message: "a whole number such as 42", "true or false", "one of A, B". */
    private String typeWord(@Nullable Class<?> type, Locale locale) {
        if (type == null) {
            return message(locale, "api.type.value");
        }
        if (type.isEnum()) {
            return message(locale, "api.type.oneOf", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        return switch (type.getSimpleName()) {
            case "int", "long", "short", "byte", "Integer", "Long", "Short", "Byte", "BigInteger" ->
                    message(locale, "api.type.wholeNumber");
            case "double", "float", "Double", "Float", "BigDecimal" -> message(locale, "api.type.number");
            case "boolean", "Boolean" -> message(locale, "api.type.boolean");
            default -> message(locale, "api.type.value");
        };
    }

    /** The exception's own message, or its message key's text in the reader's language when it carries one. */
    private String text(Throwable e, Locale locale) {
        if (e instanceof MessageSourceResolvable resolvable) {
            return messages.getMessage(resolvable, locale);
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * The key's text where it is translated into the reader's language, otherwise the English the
     * exception carries (its wording is the one the README documents).
     */
    private String translatedOr(String english, Locale locale, String key, Object... args) {
        String translated = messages.getMessage(key, args, null, locale);
        String untranslated = messages.getMessage(key, args, null, Locale.ROOT);
        return translated == null || translated.equals(untranslated) ? english : translated;
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The same fields as an operation in the operations API, so a 409 names who holds the group. */
    static Map<String, Object> holder(Operation o) {
        return o.apiFields();
    }

    private static Answer badParameter(String parameter, String message) {
        return new Answer(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, message, Map.of("parameter", parameter));
    }

    private static Answer plain(HttpStatusCode status, String message) {
        return new Answer(status, HttpHeaders.EMPTY, message, Map.of());
    }

    /** The address the client asked for, also while /error is answering it. */
    private static String path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original != null ? original.toString() : request.getRequestURI();
    }

    /** A bare ServletException only wraps what went wrong (a filter's failure as Tomcat reports it). */
    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while (cause.getClass() == ServletException.class && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
