package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A browser's cross-site POST to the API is refused; scripts and same-site pages pass. */
class CrossSiteApiRequestsTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    CrossSiteApiRequestsTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private int post(String header, String value) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/groups/g/move");
        request.setServerName("switchboard.example");
        request.setServerPort(8443);
        request.setScheme("https");
        if (header != null) {
            request.addHeader(header, value);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new CrossSiteApiRequests(messages).doFilter(request, response, chain);
        return chain.getRequest() != null ? 299 : response.getStatus();
    }

    @Test
    void aScriptWithoutBrowserHeadersPasses() throws Exception {
        assertThat(post(null, null)).isEqualTo(299);
    }

    @Test
    void aPageOfAnotherSiteIsRefused() throws Exception {
        assertThat(post("Origin", "https://evil.example")).isEqualTo(403);
        assertThat(post("Sec-Fetch-Site", "cross-site")).isEqualTo(403);
        assertThat(post("Origin", "null")).isEqualTo(403);
        assertThat(post("Origin", "http://switchboard.example:8443")).isEqualTo(403);
    }

    @Test
    void aPageOfSwitchboardItselfPasses() throws Exception {
        assertThat(post("Origin", "https://switchboard.example:8443")).isEqualTo(299);
        assertThat(post("Sec-Fetch-Site", "same-origin")).isEqualTo(299);
    }
}
