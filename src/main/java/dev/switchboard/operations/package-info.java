/**
 * One use case per operation kind (MoveGroup, SubmitOperation): preflight, hold, run, verification and record; the wizard, the API and the forms only translate HTTP.
 */
@ApplicationModule(allowedDependencies = {"audit", "cluster", "engine"})
package dev.switchboard.operations;

import org.springframework.modulith.ApplicationModule;
