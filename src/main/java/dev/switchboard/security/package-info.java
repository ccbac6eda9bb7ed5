/**
 * Accounts, roles, login, lockout, API tokens and kiosk links.
 */
@ApplicationModule(allowedDependencies = {"audit"})
package dev.switchboard.security;

import org.springframework.modulith.ApplicationModule;
