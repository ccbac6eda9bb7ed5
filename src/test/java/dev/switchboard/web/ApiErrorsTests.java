package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.audit.AuditFilter;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.operations.GroupHeld;
import dev.switchboard.operations.Operation;
import dev.switchboard.operations.OperationKind;
import dev.switchboard.operations.OperationState;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** How ApiErrors answers each kind of failure: status, envelope code, message, extra keys, headers. */
class ApiErrorsTests {

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private final ApiErrors errors = new ApiErrors(messages());

    @Test
    void anUnknownNameIs404WithTheEnginesMessage() {
        Map<String, Object> body = answer(new NameNotFound("group", "nope"), english());

        assertThat(body).isEqualTo(Map.of("result", Map.of("code", 4, "message", "There is no group named 'nope'.")));
    }

    @Test
    void aHeldGroupIs409NamingTheHolderAsTheOperationsApiDoes() throws Exception {
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        Operation holder = new Operation("op-1", OperationKind.MOVE_GROUP, "g", "g", "srv2", "maintenance", "alice",
                "OPERATOR", "127.0.0.1", at, OperationState.RUNNING, at, null, null, null, null);
        // GroupHeld is made only by Operations; its constructor is package-private
        Constructor<GroupHeld> make = GroupHeld.class.getDeclaredConstructor(String.class, Operation.class);
        make.setAccessible(true);

        ResponseEntity<Map<String, Object>> response = errors.answer(make.newInstance("g", holder), english())
                .toResponse();

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody()).containsOnlyKeys("result", "holder");
        assertThat(result(response.getBody())).containsEntry("code", 6);
        assertThat((String) result(response.getBody()).get("message")).startsWith("Group 'g' is busy: alice started");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) response.getBody().get("holder");
        assertThat(json).containsExactly(Map.entry("id", "op-1"), Map.entry("kind", OperationKind.MOVE_GROUP.auditName()),
                Map.entry("subject", "g"), Map.entry("group", "g"), Map.entry("target", "srv2"),
                Map.entry("reason", "maintenance"), Map.entry("requestedBy", "alice"),
                Map.entry("requestedAt", "2026-11-25T09:00:00Z"), Map.entry("state", "RUNNING"),
                Map.entry("startedAt", "2026-11-25T09:00:00Z"), nullEntry("finishedAt"), nullEntry("message"));
    }

    @Test
    void aBusyGroupInTheEngineIs409() {
        assertThat(errors.answer(new GroupBusy("g", dev.switchboard.Translatable.of("engine.operation.move", "g")), english()).status().value()).isEqualTo(409);
    }

    @Test
    void aBadAuditFilterNamesTheParameterInTheDocumentedEnglish() {
        Map<String, Object> body = answer(invalidFrom(), english());

        assertThat(body.get("parameter")).isEqualTo("from");
        assertThat(result(body)).containsEntry("code", 1);
        assertThat((String) result(body).get("message")).startsWith("from: “yesterday” is not a time; use 2026-11-25");
    }

    @Test
    void aBadAuditFilterReadsInJapaneseForAJapaneseReader() {
        Map<String, Object> body = answer(invalidFrom(), japanese());

        assertThat(body.get("parameter")).isEqualTo("from");
        assertThat((String) result(body).get("message")).startsWith("from の時刻「yesterday」を解釈できません。");
    }

    @Test
    void anIllegalArgumentIs400WithItsMessage() {
        Map<String, Object> body = answer(new IllegalArgumentException("Name the server in the body."), english());

        assertThat(body).isEqualTo(Map.of("result", Map.of("code", 1, "message", "Name the server in the body.")));
    }

    @Test
    void aWrongMethodIs405WithAnAllowHeaderNamingTheMethodsThePathTakes() {
        MockHttpServletRequest request = english();
        request.setMethod("DELETE");
        request.setRequestURI("/api/v1/cluster");
        var e = new HttpRequestMethodNotSupportedException("DELETE", Set.of("GET"));

        ResponseEntity<Map<String, Object>> response = errors.answer(e, request).toResponse();

        assertThat(response.getStatusCode().value()).isEqualTo(405);
        assertThat(response.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(response.getBody()).isEqualTo(Map.of("result", Map.of("code", 5,
                "message", "/api/v1/cluster does not accept DELETE; use GET.")));
    }

    @Test
    void anUnknownPathIs404() {
        var e = new NoResourceFoundException(HttpMethod.GET, "/api/v1/nothing", "api/v1/nothing");

        assertThat(answer(e, english())).isEqualTo(Map.of("result", Map.of("code", 4,
                "message", "There is no such API endpoint.")));
    }

    @Test
    void anUnknownPathReadsInJapaneseForAJapaneseReader() {
        var e = new NoResourceFoundException(HttpMethod.GET, "/api/v1/nothing", "api/v1/nothing");

        assertThat(result(answer(e, japanese()))).containsEntry("message", "そのような API エンドポイントはありません。");
    }

    @Test
    void theFirewallsRefusalIs400SayingTheAddressIsMalformed() {
        Map<String, Object> body = answer(new RequestRejectedException("contained \"%25\""), english());

        assertThat(result(body)).containsEntry("code", 1);
        assertThat((String) result(body).get("message")).startsWith("The request address is malformed")
                .doesNotContain("%25");
    }

    @Test
    void aBodyThatIsNotJsonIs415WithTheAcceptedType() {
        var e = new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON));

        ApiErrors.Answer answer = errors.answer(e, english());

        assertThat(answer.status().value()).isEqualTo(415);
        assertThat(answer.headers().getAccept()).containsExactly(MediaType.APPLICATION_JSON);
        assertThat(answer.message()).contains("application/json");
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsDetails() {
        Map<String, Object> body = answer(new IllegalStateException("secret /etc/shadow at Foo.java:12"), english());

        assertThat(body).isEqualTo(Map.of("result", Map.of("code", 9,
                "message", "Switchboard could not answer. The details are in its log.")));
    }

    @Test
    void aServletExceptionIsAnsweredByWhatItWraps() {
        var e = new ServletException("filter failed", new NameNotFound("monitor", "m"));

        assertThat(result(answer(e, english()))).containsEntry("code", 4);
    }

    @Test
    void errorsWithOnlyAStatusAreAnsweredByIt() {
        MockHttpServletRequest request = english();
        request.setMethod("POST");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/groups/g/move");

        assertThat(errors.beforeController(null, 400, request).message()).startsWith("The request address is malformed");
        assertThat(errors.beforeController(null, 404, request).message()).isEqualTo("There is no such API endpoint.");
        assertThat(errors.beforeController(null, 403, request).message())
                .isEqualTo("Your role does not allow POST /api/v1/groups/g/move.");
        assertThat(errors.beforeController(null, 418, request).message())
                .isEqualTo("The request was refused with HTTP status 418.");
        ApiErrors.Answer failed = errors.beforeController(null, 503, request);
        assertThat(failed.status().value()).isEqualTo(503);
        assertThat(failed.message()).isEqualTo("Switchboard could not answer. The details are in its log.");
    }

    @Test
    void anErrorWithItsExceptionIsAnsweredByTheExceptionNotTheStatus() {
        var e = new HttpRequestMethodNotSupportedException("PUT", Set.of("GET", "POST"));

        ApiErrors.Answer answer = errors.beforeController(e, 500, english());

        assertThat(answer.status().value()).isEqualTo(405);
        assertThat(answer.headers().getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);
    }

    private Map<String, Object> answer(Throwable e, MockHttpServletRequest request) {
        return errors.answer(e, request).toResponse().getBody();
    }

    private static AuditFilter.Invalid invalidFrom() {
        try {
            AuditFilter.parse(Map.of("from", "yesterday"), ZoneId.of("UTC"));
        } catch (AuditFilter.Invalid e) {
            return e;
        }
        throw new AssertionError("“yesterday” was accepted as a time");
    }

    static MockHttpServletRequest english() {
        return new MockHttpServletRequest("GET", "/api/v1/groups");
    }

    static MockHttpServletRequest japanese() {
        MockHttpServletRequest request = english();
        request.addHeader("Accept-Language", "ja");
        return request;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> result(Map<String, Object> body) {
        return (Map<String, Object>) body.get("result");
    }

    private static Map.Entry<String, Object> nullEntry(String key) {
        return new java.util.AbstractMap.SimpleEntry<>(key, null);
    }
}
