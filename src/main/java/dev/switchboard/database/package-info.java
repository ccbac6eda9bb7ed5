/**
 * The H2 database's two users (schema owner and the application's append-only user) and their credentials.
 */
@ApplicationModule(allowedDependencies = {})
package dev.switchboard.database;

import org.springframework.modulith.ApplicationModule;
