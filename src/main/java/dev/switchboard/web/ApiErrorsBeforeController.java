package dev.switchboard.web;

import dev.switchboard.ApiEnvelope;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Boot's /error, except for the API's addresses: errors raised before a controller (no handler
 * for the path, a method the path does not take, the firewall's refusal of a malformed address, a
 * 400 from Tomcat) reach no controller advice, only this page; for /api/ they are answered by
 * {@link ApiErrors} in the vendor's envelope, in every other place as Boot answers them.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorsBeforeController extends BasicErrorController {

    private final ErrorAttributes attributes;
    private final ApiErrors api;

    ApiErrorsBeforeController(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> views,
                              ApiErrors api) {
        super(attributes, web.getError(), views.orderedStream().toList());
        this.attributes = attributes;
        this.api = api;
    }

    /** A browser asking an API address still gets the envelope, as a script does. */
    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!fromApi(request)) {
            return super.errorHtml(request, response);
        }
        ApiErrors.Answer answer = answer(request);
        answer.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            // an answer from before a controller has no keys after the result
            ApiEnvelope.write(response, answer.status().value(), answer.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null; // answered
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        return fromApi(request) ? answer(request).toResponse() : super.error(request);
    }

    private ApiErrors.Answer answer(HttpServletRequest request) {
        return api.beforeController(attributes.getError(new ServletWebRequest(request)), getStatus(request).value(),
                request);
    }

    /** Whether the failed request was to the API (/error's own address is not the one the client asked for). */
    static boolean fromApi(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && isApi(uri, request.getContextPath());
    }

    /** Whether an address (as sent, not decoded) is the API's. */
    static boolean isApi(String uri, String contextPath) {
        String api = contextPath + "/api";
        return uri.equals(api) || uri.startsWith(api + "/");
    }
}
