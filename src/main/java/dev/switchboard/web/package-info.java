/**
 * The status pages, live updates (SSE), the read API and the one place that answers API errors.
 */
@ApplicationModule(allowedDependencies = {"audit", "cluster", "engine", "operations", "security"})
package dev.switchboard.web;

import org.springframework.modulith.ApplicationModule;
