package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class AuditActorTests {

    @Test
    void withoutAuthenticationTheActorIsAnonymous() {
        assertThat(AuditActor.of(null, null)).isEqualTo(new AuditActor("anonymous", null, null));
        assertThat(AuditActor.of(new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), null).name()).isEqualTo("anonymous");
    }

    @Test
    void theHighestRoleIsRecorded() {
        var alice = UsernamePasswordAuthenticationToken.authenticated("alice", null,
                AuthorityUtils.createAuthorityList("ROLE_VIEWER", "ROLE_ADMIN", "ROLE_OPERATOR", "FACTOR_PASSWORD"));

        assertThat(AuditActor.of(alice, null)).isEqualTo(new AuditActor("alice", "ADMIN", null));
    }

    @Test
    void aUserWithoutRoleHasNone() {
        var bob = UsernamePasswordAuthenticationToken.authenticated("bob", null, List.of());

        assertThat(AuditActor.of(bob, null).role()).isNull();
    }
}
