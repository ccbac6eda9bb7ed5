package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** /error answers the API's addresses in the envelope, from what Spring MVC kept of the failure, and pages as Boot does. */
class ApiErrorsBeforeControllerTests {

    private final DefaultErrorAttributes attributes = new DefaultErrorAttributes();
    private final ApiErrorsBeforeController controller = new ApiErrorsBeforeController(attributes, new WebProperties(),
            new StaticListableBeanFactory().getBeanProvider(ErrorViewResolver.class),
            new ApiErrors(ApiErrorsTests.messages()));

    @Test
    void onlyTheApisAddressesAreTheApis() {
        assertThat(ApiErrorsBeforeController.fromApi(failed("/api/v1/groups/%ZZ", 400))).isTrue();
        assertThat(ApiErrorsBeforeController.fromApi(failed("/api", 404))).isTrue();
        assertThat(ApiErrorsBeforeController.fromApi(failed("/apiary", 404))).isFalse();
        assertThat(ApiErrorsBeforeController.fromApi(failed("/groups/g", 404))).isFalse();
        assertThat(ApiErrorsBeforeController.fromApi(new MockHttpServletRequest("GET", "/api/v1/x"))).isFalse();
    }

    @Test
    void aWrongMethodThatSpringMvcRefusedIs405WithAllow() {
        MockHttpServletRequest request = failed("/api/v1/cluster", 405);
        request.setMethod("DELETE");
        // what happens before the error dispatch: Boot's resolver keeps the exception for /error
        attributes.resolveException(request, new MockHttpServletResponse(), null,
                new HttpRequestMethodNotSupportedException("DELETE", Set.of("GET")));

        ResponseEntity<Map<String, Object>> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(405);
        assertThat(response.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(response.getBody()).isEqualTo(Map.of("result", Map.of("code", 5,
                "message", "/api/v1/cluster does not accept DELETE; use GET.")));
    }

    @Test
    void aBrowserAskingTheApiGetsTheEnvelopeToo() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(controller.errorHtml(failed("/api/v1/groups/%ZZ", 400), response)).isNull();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).startsWith("{\"result\":{\"code\":1,\"message\":\"The request address "
                + "is malformed");
    }

    @Test
    void aPageKeepsBootsAnswer() {
        ResponseEntity<Map<String, Object>> response = controller.error(failed("/groups/nope", 404));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).containsKeys("timestamp", "status", "error").doesNotContainKey("result");
    }

    private static MockHttpServletRequest failed(String uri, int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        return request;
    }
}
