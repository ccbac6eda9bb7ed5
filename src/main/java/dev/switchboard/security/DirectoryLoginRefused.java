package dev.switchboard.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * The directory knows the name but refused the login: a wrong password, or a user in no group
 * mapped to a role. The name is an account's, so the audit may keep it.
 */
final class DirectoryLoginRefused extends BadCredentialsException {

    DirectoryLoginRefused(String why) {
        super(why);
    }
}
