package dev.switchboard.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param warningsBlock whether a preflight WARN refuses an API move sent without
 *                      {@code "acknowledge": true}; off by default, because the vendor's clients
 *                      cannot send the field (the warning is then recorded as acknowledged by default)
 */
@ConfigurationProperties("switchboard.api")
record OperationsProperties(boolean warningsBlock) {
}
