package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Over-long credentials are refused with a 400 naming the field and the limit, before anything checks them. */
class CredentialLimitsTests {

    private static final String LONG = "x".repeat(CredentialLimits.MAX_LENGTH + 1);
    private static final String LONGEST = "x".repeat(CredentialLimits.MAX_LENGTH);

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    CredentialLimitsTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private MockHttpServletResponse login(String name, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.addParameter("username", name);
        request.addParameter("password", password);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        CredentialLimits.forLoginForm(messages).doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299); // passed on
        }
        return response;
    }

    private MockHttpServletResponse basic(String name, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/groups/g/move");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        CredentialLimits.forBasic(messages).doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299);
        }
        return response;
    }

    @Test
    void aLoginNameOverTheLimitIsRefusedNamingTheFieldAndTheLimit() throws Exception {
        MockHttpServletResponse response = login(LONG, "pw");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Account is longer than 256 characters");
    }

    @Test
    void aPasswordOverTheLimitIsRefusedWithoutShowingIt() throws Exception {
        MockHttpServletResponse response = login("alice", "secret-" + LONG);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Password is longer than 256").doesNotContain("secret-");
    }

    @Test
    void aLoginFormLargerThanAnyValidOneIsRefusedUnread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setContent(new byte[100_000]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        CredentialLimits.forLoginForm(messages).doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("larger than 8192 bytes");
    }

    @Test
    void credentialsAtTheLimitGoOnToTheLogin() throws Exception {
        assertThat(login(LONGEST, LONGEST).getStatus()).isEqualTo(299);
    }

    @Test
    void basicCredentialsOverTheLimitAnswerInTheEnvelope() throws Exception {
        MockHttpServletResponse response = basic("alice", LONG);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"code\":1").contains("Password is longer than 256");
        assertThat(basic("alice", LONGEST).getStatus()).isEqualTo(299);
    }
}
