package dev.switchboard.security;

import dev.switchboard.security.DirectoryProperties.GroupRole;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * Which role a directory user gets from their groups: each configured group (by DN, compared as
 * a DN, or by name, compared with the group's cn) gives a role, and the highest wins. No
 * configured group, no role.
 */
final class DirectoryRoles {

    private final List<GroupRole> mappings;

    DirectoryRoles(List<GroupRole> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** @param groups the user's groups, as DNs (from a group search or memberOf) or names */
    Optional<Role> highest(Collection<String> groups) {
        return mappings.stream().filter(m -> groups.stream().anyMatch(g -> matches(m.group(), g)))
                .map(GroupRole::role).max(Enum::compareTo);
    }

    private static boolean matches(String configured, String group) {
        LdapName configuredDn = dn(configured);
        LdapName groupDn = dn(group);
        if (configuredDn != null && groupDn != null) {
            return configuredDn.equals(groupDn); // case and spacing as LDAP compares them
        }
        String name = groupDn == null ? group : groupDn.getRdn(groupDn.size() - 1).getValue().toString();
        return configuredDn == null && configured.strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The DN, or null for a plain name. */
    private static LdapName dn(String text) {
        if (!text.contains("=")) {
            return null;
        }
        try {
            LdapName name = new LdapName(text);
            return name.isEmpty() ? null : name;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
