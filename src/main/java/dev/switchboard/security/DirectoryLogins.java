package dev.switchboard.security;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Logins checked by the directory, after the local accounts: a name that is a local account is
 * never sent to the directory (its password stays with Switchboard, and a directory entry of the
 * same name cannot take it over). The user's role comes from their groups at each login; a user
 * in no mapped group cannot log in. A directory that does not answer is told apart from a wrong
 * password, naming the server.
 */
final class DirectoryLogins implements AuthenticationProvider {

    private final AuthenticationProvider directory;
    private final Predicate<String> localAccount;
    private final String servers;
    private final boolean knowsNames;

    /**
     * @param directory  Spring Security's LDAP or Active Directory provider, or null when no directory is configured
     * @param knowsNames whether a refused password means the name exists (a user search found it)
     */
    DirectoryLogins(AuthenticationProvider directory, Predicate<String> localAccount, String servers, boolean knowsNames) {
        this.directory = directory;
        this.localAccount = localAccount;
        this.servers = servers;
        this.knowsNames = knowsNames;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return directory != null && UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication login) {
        if (localAccount.test(login.getName())) {
            return null; // a local account: the local password decided
        }
        Authentication result;
        try {
            result = directory.authenticate(login);
        } catch (UsernameNotFoundException unknown) {
            throw new BadCredentialsException("Bad credentials");
        } catch (BadCredentialsException refused) {
            throw knowsNames ? new DirectoryLoginRefused("wrong password") : refused;
        } catch (AuthenticationException | org.springframework.ldap.NamingException e) {
            Throwable unreachable = unreachable(e);
            if (unreachable != null) {
                throw new DirectoryUnavailable(servers, message(unreachable), e);
            }
            throw e;
        }
        if (result != null && result.getAuthorities().stream().noneMatch(a -> a.getAuthority().startsWith("ROLE_"))) {
            throw new DirectoryLoginRefused("in no group mapped to a role");
        }
        return result;
    }

    /** The cause that says the server did not answer, or null. */
    private static Throwable unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof javax.naming.CommunicationException || t instanceof javax.naming.ServiceUnavailableException
                    || message.contains("timed out") || message.contains("connection refused")) {
                return deepest(t);
            }
        }
        return null;
    }

    private static Throwable deepest(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
