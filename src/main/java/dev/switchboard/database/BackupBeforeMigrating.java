package dev.switchboard.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Before Flyway changes an existing database's schema, Switchboard backs it up by itself and
 * says where, so an upgrade that goes wrong can be undone with {@code switchboard restore}.
 */
@Configuration(proxyBeanMethods = false)
class BackupBeforeMigrating {

    private static final Logger log = LoggerFactory.getLogger(BackupBeforeMigrating.class);

    @Bean
    FlywayMigrationStrategy backupThenMigrate(@Value("${switchboard.data-dir:./data}") Path dataDir) {
        return flyway -> {
            MigrationInfo current = flyway.info().current();
            MigrationInfo[] pending = flyway.info().pending();
            if (current != null && pending.length > 0) {
                DatabaseBackups backups = new DatabaseBackups(dataDir, Clock.systemUTC());
                Path zip = backups.automatic("before-migration-v" + current.getVersion() + "-to-v"
                        + pending[pending.length - 1].getVersion());
                try (Connection owner = flyway.getConfiguration().getDataSource().getConnection()) {
                    backups.backupWith(owner, zip);
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("Switchboard did not migrate the database: the backup before it, to "
                            + zip + ", failed: " + e.getMessage() + ". Free space or fix the rights of " + zip.getParent()
                            + ", then start again.", e);
                }
                log.info("Backed the database up to {} before migrating it from version {} to {}; "
                        + "'switchboard restore {}' puts it back.", zip, current.getVersion(),
                        pending[pending.length - 1].getVersion(), zip);
            }
            flyway.migrate();
        };
    }
}
