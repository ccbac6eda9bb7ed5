package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditingAccessDeniedHandlerTests {

    private final List<Object> published = new ArrayList<>();
    private final List<Integer> publishedWhenAnswered = new ArrayList<>();
    private final AuditingAccessDeniedHandler handler = new AuditingAccessDeniedHandler(published::add,
            (request, response, denied) -> {
                publishedWhenAnswered.add(published.size());
                response.setStatus(403);
            });

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRefusalIsPublishedWithWhoAskedForWhatBeforeItIsAnswered() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bob",
                null, AuthorityUtils.createAuthorityList("ROLE_VIEWER")));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/accounts");
        request.setRemoteAddr("10.0.0.9");
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.handle(request, response, new AccessDeniedException("Access Denied"));

        assertThat(published).hasSize(1);
        assertThat(((Audited) published.get(0)).auditRecord()).isEqualTo(new AuditRecord("bob", "VIEWER", "10.0.0.9",
                "access-denied", "POST /admin/accounts", Outcome.DENIED, "Access Denied"));
        assertThat(publishedWhenAnswered).containsExactly(1);
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void aRefusalWithoutALoginIsAnonymous() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/api/v1/monitors/m1");
        request.setRemoteAddr("10.0.0.7");

        handler.handle(request, new MockHttpServletResponse(), new AccessDeniedException("Access Denied"));

        assertThat(((Audited) published.get(0)).auditRecord()).extracting(AuditRecord::actor, AuditRecord::role,
                AuditRecord::target).containsExactly("anonymous", null, "DELETE /api/v1/monitors/m1");
    }
}
