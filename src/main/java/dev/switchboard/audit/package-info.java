/**
 * The audit trail: append-only, hash-chained, searchable, exportable, archived by retention.
 */
@ApplicationModule(allowedDependencies = {"cluster", "engine"})
package dev.switchboard.audit;

import org.springframework.modulith.ApplicationModule;
