package dev.switchboard.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.userdetails.LdapAuthoritiesPopulator;

/**
 * Reads a directory user's groups at each login (their memberOf, and the groups a search finds)
 * and turns them into one Switchboard role, so a group change counts from the next login on.
 */
final class DirectoryGroups implements LdapAuthoritiesPopulator {

    private final SpringSecurityLdapTemplate search;
    private final String base;
    private final String filter;
    private final DirectoryRoles roles;

    /** @param search null to read memberOf only (Active Directory) */
    DirectoryGroups(SpringSecurityLdapTemplate search, String base, String filter, DirectoryRoles roles) {
        this.search = search;
        this.base = base;
        this.filter = filter;
        this.roles = roles;
    }

    @Override
    public Collection<? extends GrantedAuthority> getGrantedAuthorities(DirContextOperations user, String username) {
        List<String> groups = new ArrayList<>();
        String[] memberOf = user.getStringAttributes("memberOf");
        if (memberOf != null) {
            groups.addAll(List.of(memberOf));
        }
        if (search != null) {
            for (Map<String, List<String>> group : search.searchForMultipleAttributeValues(base, filter,
                    new String[] {user.getNameInNamespace(), username}, new String[] {"cn"})) {
                groups.addAll(group.getOrDefault(SpringSecurityLdapTemplate.DN_KEY, List.of()));
            }
        }
        return roles.highest(groups).map(role -> List.of(new SimpleGrantedAuthority(role.authority()))).orElse(List.of());
    }
}
