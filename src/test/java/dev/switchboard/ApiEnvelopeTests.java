package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The vendor's body shape and result codes. */
class ApiEnvelopeTests {

    @Test
    void eachErrorStatusHasTheVendorsCode() {
        assertThat(ApiEnvelope.code(400)).isEqualTo(1);
        assertThat(ApiEnvelope.code(401)).isEqualTo(2);
        assertThat(ApiEnvelope.code(403)).isEqualTo(3);
        assertThat(ApiEnvelope.code(404)).isEqualTo(4);
        assertThat(ApiEnvelope.code(405)).isEqualTo(5);
        assertThat(ApiEnvelope.code(409)).isEqualTo(6);
        assertThat(ApiEnvelope.code(500)).isEqualTo(9);
        assertThat(ApiEnvelope.code(415)).as("any other status").isEqualTo(9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theResultComesFirstThenTheAnswersKeysInOrder() {
        Map<String, Object> body = ApiEnvelope.body(0, "", "groups", "g", "next", null);

        assertThat(body).containsExactly(Map.entry("result", Map.of("code", 0, "message", "")),
                Map.entry("groups", "g"), new java.util.AbstractMap.SimpleEntry<>("next", null));
        assertThat(body.get("result")).isInstanceOf(java.util.LinkedHashMap.class);
        assertThat(((Map<String, ?>) body.get("result")).keySet()).containsExactly("code", "message");
    }

    @Test
    void aRefusalBeforeAControllerIsWrittenAsJsonWithItsMessageEscaped() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ApiEnvelope.write(response, 403, "Your role does not allow \"DELETE\" C:\\x\n.");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"result\":{\"code\":3,\"message\":\"Your role does not allow \\\"DELETE\\\" C:\\\\x\\u000a.\"}}");
    }

    @Test
    void messagesAreInTheAcceptedLanguageAndEnglishWithoutOne() {
        // without Accept-Language, Tomcat answers getLocale() with the server's own locale
        var script = new jakarta.servlet.http.HttpServletRequestWrapper(new MockHttpServletRequest()) {
            @Override
            public Locale getLocale() {
                return Locale.JAPAN;
            }
        };
        MockHttpServletRequest reader = new MockHttpServletRequest();
        reader.addHeader("Accept-Language", "ja-JP,ja;q=0.9");

        assertThat(ApiEnvelope.locale(script)).isEqualTo(Locale.ENGLISH);
        assertThat(ApiEnvelope.locale(reader).getLanguage()).isEqualTo("ja");
    }
}
