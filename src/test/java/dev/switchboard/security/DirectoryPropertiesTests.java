package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.security.DirectoryProperties.GroupRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPropertiesTests {

    static final List<GroupRole> OPERATORS = List.of(new GroupRole("cn=operators,ou=groups,dc=example,dc=org",
            Role.OPERATOR));

    static DirectoryProperties ldap(List<String> urls, String filter, String pattern, String password, Path file,
                                    List<GroupRole> roles, String domain) {
        return new DirectoryProperties(urls, "dc=example,dc=org", "ou=people", filter, pattern,
                "cn=switchboard,dc=example,dc=org", password, file, "ou=groups", "(member={0})", roles, domain,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void withoutUrlsTheDirectoryIsOffAndNothingElseIsChecked() {
        DirectoryProperties off = new DirectoryProperties(List.of(), null, null, null, null, null, null, null, null,
                "(member={0})", List.of(), null, Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(off.enabled()).isFalse();
        assertThat(off.password()).isEmpty();
    }

    @Test
    void noGroupMappedIsRefusedAtStartNamingTheSetting() {
        assertThatThrownBy(() -> ldap(List.of("ldap://x"), "(uid={0})", null, "pw", null, List.of(), null))
                .hasMessageContaining("switchboard.security.ldap.group-roles").hasMessageContaining("group-roles[0].role");
    }

    @Test
    void exactlyOneOfUserSearchFilterAndDnPatternIsNeededOutsideActiveDirectory() {
        assertThatThrownBy(() -> ldap(List.of("ldap://x"), "(uid={0})", "uid={0},ou=people", "pw", null, OPERATORS, null))
                .hasMessageContaining("user-search-filter");
        assertThatThrownBy(() -> ldap(List.of("ldap://x"), null, null, "pw", null, OPERATORS, null))
                .hasMessageContaining("user-search-filter");
        assertThat(ldap(List.of("ldap://x"), null, null, "pw", null, OPERATORS, "corp.example.com").activeDirectory())
                .isTrue();
    }

    @Test
    void thePasswordComesFromItsFileWithoutTheLineEndAndIsNeverPrinted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bind"), "s3cret-bind\n");
        assertThat(ldap(List.of("ldap://x"), "(uid={0})", null, null, file, OPERATORS, null).password())
                .isEqualTo("s3cret-bind");
        assertThat(ldap(List.of("ldap://x"), "(uid={0})", null, "s3cret-bind", null, OPERATORS, null).toString())
                .doesNotContain("s3cret-bind");
        assertThatThrownBy(() -> ldap(List.of("ldap://x"), "(uid={0})", null, "pw", file, OPERATORS, null))
                .hasMessageContaining("bind-password-file");
        assertThatThrownBy(() -> ldap(List.of("ldap://x"), "(uid={0})", null, null, dir.resolve("missing"), OPERATORS,
                null).password()).hasMessageContaining("bind-password-file").hasMessageContaining("missing");
    }
}
