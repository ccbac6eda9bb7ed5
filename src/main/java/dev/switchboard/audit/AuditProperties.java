package dev.switchboard.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long events stay in the database before they are archived to a file in
 *                  the data directory; unset keeps them in the database for ever
 */
@ConfigurationProperties("switchboard.audit")
public record AuditProperties(Duration retention) {
}
