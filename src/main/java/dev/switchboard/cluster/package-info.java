/**
 * The cluster definition (cluster.yml): servers, failover groups, resources, monitors; read and cross-checked with precise errors.
 */
@ApplicationModule(allowedDependencies = {})
package dev.switchboard.cluster;

import org.springframework.modulith.ApplicationModule;
