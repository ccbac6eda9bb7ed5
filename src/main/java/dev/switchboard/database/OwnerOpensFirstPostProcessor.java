package dev.switchboard.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts {@link OwnerOpensFirst} under the connection pool of the database {@link DatabaseEnvironment}
 * set up (not under one configured by hand), and {@link ReopenClosedDatabase} on it, before the
 * pool makes its first connection: together they reopen the database, as its owner, after H2 closed it.
 */
@Component
class OwnerOpensFirstPostProcessor implements BeanPostProcessor {

    private final Environment environment;

    OwnerOpensFirstPostProcessor(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getDataSource() == null
                && environment.getProperty(DatabaseEnvironment.OWNER_OPENS_FIRST, Boolean.class, false)) {
            pool.setDataSource(new OwnerOpensFirst(pool.getJdbcUrl(), environment.getRequiredProperty("spring.flyway.url"),
                    environment.getRequiredProperty("spring.flyway.user"),
                    environment.getRequiredProperty("spring.flyway.password")));
            pool.setExceptionOverride(new ReopenClosedDatabase(pool));
        }
        return bean;
    }
}
