/**
 * The engine port (ClusterEngine, ServerAccess), the status records and events; its adapters live in the sub-packages embedded and pacemaker, chosen in one place.
 */
@ApplicationModule(allowedDependencies = {"cluster"})
package dev.switchboard.engine;

import org.springframework.modulith.ApplicationModule;
