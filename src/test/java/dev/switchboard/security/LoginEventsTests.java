package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.audit.AuditRecord;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.audit.Audited;
import dev.switchboard.security.SwitchboardSecurityProperties.ConfiguredAccount;
import dev.switchboard.security.SwitchboardSecurityProperties.Lockout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Spring Security's login events become Switchboard's, with the same rows as before; failures lock. */
class LoginEventsTests {

    private final List<Object> published = new ArrayList<>();
    private final LoginAttempts attempts = new LoginAttempts(new SwitchboardSecurityProperties(
            List.of(new ConfiguredAccount("alice", "{noop}x", Role.OPERATOR)),
            new Lockout(3, Duration.ofMinutes(5), Duration.ofMinutes(15), 50), Duration.ofMinutes(5)));
    private final LoginEvents logins = new LoginEvents(published::add, attempts, accounts());

    private Accounts accounts() {
        String url = "jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .placeholders(Map.of("app_user", "SWITCHBOARD_APP", "app_password", "test")).load().migrate();
        AccountStore store = new AccountStore(JdbcClient.create(new DriverManagerDataSource(url, "sa", "")));
        return new Accounts(new SwitchboardSecurityProperties(List.of(new ConfiguredAccount("alice", "{noop}x",
                Role.OPERATOR)), null, null), store, attempts);
    }

    private static Authentication typed(String name) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, "pw");
        token.setDetails(new WebAuthenticationDetails("10.0.0.5", null));
        return token;
    }

    private static Authentication loggedIn(String name, String... roles) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList(roles));
        token.setDetails(new WebAuthenticationDetails("10.0.0.5", null));
        return token;
    }

    private List<AuditRecord> rows() {
        return published.stream().filter(Audited.class::isInstance).map(e -> ((Audited) e).auditRecord()).toList();
    }

    private void failedLogin(String name) {
        logins.loginFailed(new AuthenticationFailureBadCredentialsEvent(typed(name),
                new BadCredentialsException("Bad credentials")));
    }

    @Test
    void aLoginNamesThePersonAndTheirHighestRole() {
        logins.loggedIn(new InteractiveAuthenticationSuccessEvent(loggedIn("alice", "ROLE_VIEWER", "ROLE_OPERATOR"),
                LoginEventsTests.class));

        assertThat(rows()).containsExactly(new AuditRecord("alice", "OPERATOR", "10.0.0.5", "login", "alice",
                Outcome.SUCCESS, null));
    }

    @Test
    void aFailedLoginOfAnAccountNamesItAndTheKindOfFailure() {
        failedLogin("alice");

        assertThat(rows()).containsExactly(new AuditRecord("alice", null, "10.0.0.5", "login", "alice",
                Outcome.FAILURE, "BadCredentialsException"));
    }

    @Test
    void aNameThatIsNoAccountIsNeverKeptBecauseItMayBeAPassword() {
        failedLogin("hunter2-typed-in-the-wrong-field");

        assertThat(rows()).extracting(AuditRecord::actor, AuditRecord::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(unknown name)", "(unknown name)"));
    }

    @Test
    void theFailureThatReachesTheLimitIsFollowedByTheLock() {
        failedLogin("alice");
        failedLogin("alice");
        failedLogin("alice");

        assertThat(rows()).extracting(AuditRecord::action).containsExactly("login", "login", "login",
                "account-locked");
        assertThat(rows().get(3)).isEqualTo(new AuditRecord("system", null, "10.0.0.5", "account-locked", "alice",
                Outcome.INFO, "too many failed logins; locked for a while"));
    }

    @Test
    void aLoginToALockedAccountIsDeniedAndNotCountedAgain() {
        logins.loginFailed(new AuthenticationFailureLockedEvent(typed("alice"), new LockedException("locked")));

        assertThat(rows()).containsExactly(new AuditRecord("alice", null, "10.0.0.5", "login", "alice",
                Outcome.DENIED, "the account is locked"));
    }

    @Test
    void aLogoutNamesWhoLeft() {
        logins.loggedOut(new LogoutSuccessEvent(loggedIn("bob", "ROLE_VIEWER")));

        assertThat(rows()).containsExactly(new AuditRecord("bob", "VIEWER", "10.0.0.5", "logout", "bob",
                Outcome.SUCCESS, null));
        assertThat(published).as("the session's live stream ends now").contains(new SessionsEnded("bob"));
    }

    @Test
    void aWrongDirectoryPasswordNamesTheDirectoryUserAndCountsTowardTheLockout() {
        for (int i = 0; i < 3; i++) {
            logins.loginFailed(new AuthenticationFailureBadCredentialsEvent(typed("dora"),
                    new DirectoryLoginRefused("wrong password")));
        }

        assertThat(rows()).first().isEqualTo(new AuditRecord("dora", null, "10.0.0.5", "login", "dora",
                Outcome.FAILURE, "DirectoryLoginRefused"));
        assertThat(attempts.isLocked("dora", "10.0.0.5")).isTrue();
    }

    @Test
    void aDirectoryThatDidNotAnswerIsAuditedButLocksNobody() {
        for (int i = 0; i < 5; i++) {
            logins.loginFailed(new AuthenticationFailureBadCredentialsEvent(typed("dora"),
                    new DirectoryUnavailable("ldap://ldap.example.org", "Connection refused", null)));
        }

        assertThat(rows()).hasSize(5).allSatisfy(row -> assertThat(row.details()).isEqualTo("DirectoryUnavailable"));
        assertThat(attempts.isLocked("dora", "10.0.0.5")).isFalse();
    }
}
