package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The directory step of the login chain. The directory itself is stood in for by a provider that
 * answers as Spring Security's would, or by a socket that never answers; the real one is in
 * DirectoryLoginIT.
 */
class DirectoryLoginsTests {

    private final List<String> asked = new ArrayList<>();

    private DirectoryLogins answering(RuntimeException refusal, String... authorities) {
        AuthenticationProvider directory = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication login) {
                asked.add(login.getName());
                if (refusal != null) {
                    throw refusal;
                }
                return UsernamePasswordAuthenticationToken.authenticated(login.getName(), null,
                        AuthorityUtils.createAuthorityList(authorities));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        return new DirectoryLogins(directory, "admin"::equals, "ldap://ldap.example.org", true);
    }

    private static Authentication login(String name) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, "password-typed");
    }

    @Test
    void aLocalAccountsNameIsNeverSentToTheDirectory() {
        assertThat(answering(null, "ROLE_ADMIN").authenticate(login("admin"))).isNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void aDirectoryUserGetsTheRoleOfTheirGroups() {
        assertThat(answering(null, "ROLE_OPERATOR").authenticate(login("alice")).getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void aDirectoryUserInNoMappedGroupCannotLogIn() {
        assertThatThrownBy(() -> answering(null).authenticate(login("alice")))
                .isInstanceOf(DirectoryLoginRefused.class).hasMessageContaining("no group mapped");
    }

    @Test
    void aWrongPasswordOfAFoundUserIsTheDirectorysRefusalAnUnknownNameIsNot() {
        assertThatThrownBy(() -> answering(new BadCredentialsException("Bad credentials")).authenticate(login("alice")))
                .isInstanceOf(DirectoryLoginRefused.class);
        assertThatThrownBy(() -> answering(new UsernameNotFoundException("alice")).authenticate(login("mallory")))
                .isExactlyInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutDirectoryTheStepSupportsNothing() {
        DirectoryLogins off = DirectoryConfiguration.directoryLogins(new DirectoryProperties(List.of(), null, null, null,
                null, null, null, null, null, "(member={0})", List.of(), null, Duration.ofSeconds(5),
                Duration.ofSeconds(10)), name -> false);
        assertThat(off.supports(UsernamePasswordAuthenticationToken.class)).isFalse();
    }

    @Test
    void aServerThatTakesTheConnectionButNeverAnswersFailsWithinTheReadTimeoutNamingIt() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            String url = "ldap://127.0.0.1:" + silent.getLocalPort();
            DirectoryLogins logins = DirectoryConfiguration.directoryLogins(new DirectoryProperties(List.of(url),
                    "dc=example,dc=org", "ou=people", "(uid={0})", null, "cn=switchboard,dc=example,dc=org", "pw",
                    null, "ou=groups", "(member={0})", DirectoryPropertiesTests.OPERATORS, null,
                    Duration.ofMillis(500), Duration.ofMillis(700)), name -> false);

            long start = System.nanoTime();
            assertThatThrownBy(() -> logins.authenticate(login("alice"))).isInstanceOfSatisfying(DirectoryUnavailable.class,
                    down -> {
                        assertThat(down.servers()).isEqualTo(url);
                        assertThat(down.reason()).containsIgnoringCase("timed out");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            accepting.interrupt();
        }
    }

    @Test
    void aServerThatRefusesTheConnectionIsNamedAtOnce() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        DirectoryLogins logins = DirectoryConfiguration.directoryLogins(new DirectoryProperties(
                List.of("ldap://127.0.0.1:" + port), "dc=example,dc=org", "", null, "uid={0},ou=people", null, null, null,
                "ou=groups", "(member={0})", DirectoryPropertiesTests.OPERATORS, null, Duration.ofSeconds(2),
                Duration.ofSeconds(2)), name -> false);

        assertThatThrownBy(() -> logins.authenticate(login("alice"))).isInstanceOfSatisfying(DirectoryUnavailable.class,
                down -> assertThat(down.getMessage()).contains("ldap://127.0.0.1:" + port).containsIgnoringCase("refused"));
    }
}
