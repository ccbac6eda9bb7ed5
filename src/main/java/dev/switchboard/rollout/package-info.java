/**
 * Rolling-update runs: a saved, resumable, signed-off checklist built on operations.
 */
@ApplicationModule(allowedDependencies = {"audit", "cluster", "engine", "operations"})
package dev.switchboard.rollout;

import org.springframework.modulith.ApplicationModule;
