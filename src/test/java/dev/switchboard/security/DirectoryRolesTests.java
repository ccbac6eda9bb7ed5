package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.security.DirectoryProperties.GroupRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryRolesTests {

    private final DirectoryRoles roles = new DirectoryRoles(List.of(
            new GroupRole("cn=viewers,ou=groups,dc=example,dc=org", Role.VIEWER),
            new GroupRole("CN=Operators, OU=Groups, DC=example, DC=org", Role.OPERATOR),
            new GroupRole("Domain Admins", Role.ADMIN)));

    @Test
    void aUserInTwoMappedGroupsGetsTheHigherRoleWhateverTheOrder() {
        assertThat(roles.highest(List.of("cn=operators,ou=groups,dc=example,dc=org",
                "cn=viewers,ou=groups,dc=example,dc=org"))).contains(Role.OPERATOR);
        assertThat(roles.highest(List.of("cn=viewers,ou=groups,dc=example,dc=org",
                "CN=Domain Admins,CN=Users,DC=corp,DC=example,DC=com"))).contains(Role.ADMIN);
    }

    @Test
    void distinguishedNamesCompareAsLdapDoesIgnoringCaseAndSpacing() {
        assertThat(roles.highest(List.of("cn=OPERATORS,ou=groups,dc=example,dc=org"))).contains(Role.OPERATOR);
    }

    @Test
    void aGroupNamedByItsNameMatchesTheCnOfAnyDn() {
        assertThat(roles.highest(List.of("CN=domain admins,OU=Elsewhere,DC=corp"))).contains(Role.ADMIN);
        assertThat(roles.highest(List.of("Domain Admins"))).contains(Role.ADMIN);
    }

    @Test
    void aConfiguredDnMatchesOnlyThatDnNotAGroupOfTheSameNameElsewhere() {
        assertThat(roles.highest(List.of("cn=operators,ou=other,dc=example,dc=org"))).isEmpty();
        assertThat(roles.highest(List.of("operators"))).isEmpty();
    }

    @Test
    void noMappedGroupGivesNoRole() {
        assertThat(roles.highest(List.of())).isEmpty();
        assertThat(roles.highest(List.of("cn=staff,ou=groups,dc=example,dc=org", "not a dn=,,"))).isEmpty();
    }
}
