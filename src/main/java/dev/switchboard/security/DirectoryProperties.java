package dev.switchboard.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Directory logins (LDAP or Active Directory), off while {@code urls} is empty.
 *
 * @param urls                  the directory servers, tried in order (ldap:// or ldaps://)
 * @param baseDn                the directory's root, e.g. dc=example,dc=org (Active Directory: optional)
 * @param userSearchBase        where users are searched, relative to the base DN ("" = the whole base)
 * @param userSearchFilter      finds a user by the login name {0}, e.g. (uid={0})
 * @param userDnPattern         or a user's DN built from the name {0}, e.g. uid={0},ou=people (no search)
 * @param bindDn                who searches (empty: anonymous)
 * @param bindPassword          its password; or
 * @param bindPasswordFile      a file holding it (never logged either way)
 * @param groupSearchBase       where groups are searched, relative to the base DN
 * @param groupSearchFilter     finds a user's groups: {0} is the user's DN, {1} the login name
 * @param groupRoles            which directory group (its DN or its name) gives which role; the highest wins
 * @param activeDirectoryDomain when set, Active Directory mode: users log in as name or name@domain,
 *                              groups come from their memberOf
 * @param connectTimeout        how long to wait for a connection to a directory server
 * @param readTimeout           how long to wait for its answer
 */
@ConfigurationProperties("switchboard.security.ldap")
public record DirectoryProperties(@DefaultValue List<String> urls, String baseDn,
                                  String userSearchBase, String userSearchFilter,
                                  String userDnPattern, String bindDn,
                                  String bindPassword, Path bindPasswordFile,
                                  String groupSearchBase,
                                  @DefaultValue("(member={0})") String groupSearchFilter,
                                  @DefaultValue List<GroupRole> groupRoles,
                                  String activeDirectoryDomain,
                                  @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

    /** One mapping: members of {@code group} (a DN such as cn=ops,ou=groups,dc=example,dc=org, or a name) get {@code role}. */
    public record GroupRole(String group, Role role) {
    }

    private static final String PREFIX = "switchboard.security.ldap.";

    public DirectoryProperties {
        baseDn = blankIfNull(baseDn);
        userSearchBase = blankIfNull(userSearchBase);
        userSearchFilter = blankIfNull(userSearchFilter);
        userDnPattern = blankIfNull(userDnPattern);
        bindDn = blankIfNull(bindDn);
        bindPassword = blankIfNull(bindPassword);
        groupSearchBase = blankIfNull(groupSearchBase);
        activeDirectoryDomain = blankIfNull(activeDirectoryDomain);
        if (!urls.isEmpty()) {
            check(!groupRoles.isEmpty() && groupRoles.stream().allMatch(g -> g.group() != null && !g.group().isBlank()
                    && g.role() != null), "group-roles",
                    "is empty or has an entry without group or role, so nobody from the directory could log in",
                    "list the directory groups with their role, e.g. group-roles[0].group=cn=operators,ou=groups,dc=example,dc=org"
                            + " and group-roles[0].role=OPERATOR");
            check(bindPassword.isEmpty() || bindPasswordFile == null, "bind-password-file",
                    "is set together with bind-password", "set only one of them");
            if (activeDirectoryDomain.isBlank()) {
                check(!baseDn.isBlank(), "base-dn", "is empty", "set the directory's root, e.g. dc=example,dc=org");
                check(userSearchFilter.isBlank() != userDnPattern.isBlank(), "user-search-filter",
                        "and user-dn-pattern are both set or both empty",
                        "set one: user-search-filter=(uid={0}) or user-dn-pattern=uid={0},ou=people");
            }
        }
    }

    boolean enabled() {
        return !urls.isEmpty();
    }

    boolean activeDirectory() {
        return !activeDirectoryDomain.isBlank();
    }

    /** The bind password, read from its file when one is named; empty for an anonymous search. */
    String password() {
        if (bindPasswordFile == null) {
            return bindPassword;
        }
        try {
            return Files.readString(bindPasswordFile).strip();
        } catch (IOException e) {
            throw new IllegalStateException(PREFIX + "bind-password-file " + bindPasswordFile
                    + " cannot be read (" + e.getMessage() + "): make it readable by Switchboard's user or fix the path", e);
        }
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }

    private static void check(boolean ok, String property, String problem, String fix) {
        if (!ok) {
            throw new IllegalArgumentException(PREFIX + property + " " + problem + ": " + fix);
        }
    }

    /** Without the bind password, so that printing the settings never shows it. */
    @Override
    public String toString() {
        return "DirectoryProperties[urls=" + urls + ", baseDn=" + baseDn + ", bindDn=" + bindDn
                + ", bindPassword=" + (bindPassword.isEmpty() ? "" : "(hidden)") + ", bindPasswordFile=" + bindPasswordFile
                + ", activeDirectoryDomain=" + activeDirectoryDomain + ", groupRoles=" + groupRoles + "]";
    }
}
