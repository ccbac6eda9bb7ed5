package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.springframework.security.web.csrf.MissingCsrfTokenException;

class AuditingAccessDeniedHandlerTests {

    private final List<Object> published = new ArrayList<>();
    private final List<Integer> publishedWhenAnswered = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:00:10Z"));
    private final RefusalsWithoutAccount withoutAccount = new RefusalsWithoutAccount(published::add, clock);
    private final AuditingAccessDeniedHandler handler = new AuditingAccessDeniedHandler(published::add,
            (request, response, denied) -> {
                publishedWhenAnswered.add(published.size());
                response.setStatus(403);
            }, withoutAccount);

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

    @Test
    void formsPostedWithoutTokenByNobodyAreCountedPerAddressAndMinuteNotOneRowEach() throws Exception {
        for (int i = 0; i < 500; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/groups/g/move");
            request.setRemoteAddr(i % 5 == 0 ? "10.0.0.8" : "10.0.0.7");
            MockHttpServletResponse response = new MockHttpServletResponse();
            handler.handle(request, response, new MissingCsrfTokenException(null));
            assertThat(response.getStatus()).isEqualTo(403);
        }
        assertThat(published).isEmpty();

        clock.set(Instant.parse("2026-12-04T22:01:00Z"));
        withoutAccount.closeEndedMinute();

        assertThat(published).map(e -> ((Audited) e).auditRecord()).extracting(AuditRecord::source,
                AuditRecord::action, AuditRecord::target, AuditRecord::details).containsExactlyInAnyOrder(
                tuple("10.0.0.7", "refused-without-account", "no-csrf-token", "400 requests in the minute from 2026-12-04T22:00:00Z"),
                tuple("10.0.0.8", "refused-without-account", "no-csrf-token", "100 requests in the minute from 2026-12-04T22:00:00Z"));
    }

    @Test
    void aFloodFromManyAddressesKeepsABoundedCount() {
        for (int i = 0; i < 3 * RefusalsWithoutAccount.MAX_SOURCES; i++) {
            withoutAccount.count("10.1." + (i >> 8) + "." + (i & 255), RefusalsWithoutAccount.Kind.NO_LOGIN);
        }
        clock.set(Instant.parse("2026-12-04T22:01:00Z"));
        withoutAccount.closeEndedMinute();

        assertThat(published).hasSize(RefusalsWithoutAccount.MAX_SOURCES + 1);
        assertThat(published).map(e -> ((Audited) e).auditRecord()).filteredOn(r -> r.source()
                .equals(RefusalsWithoutAccount.OTHER_SOURCES)).singleElement().extracting(AuditRecord::details)
                .asString().startsWith((2 * RefusalsWithoutAccount.MAX_SOURCES) + " requests");
    }

    /** A clock the test moves on. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
