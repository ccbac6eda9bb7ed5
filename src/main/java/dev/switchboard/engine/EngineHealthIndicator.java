package dev.switchboard.engine;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health of the engine for /actuator/health: up once it has settled the groups, with each group's state. */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

    private final ClusterEngine engine;
    private final EngineStartup startup;

    EngineHealthIndicator(ClusterEngine engine, EngineStartup startup) {
        this.engine = engine;
        this.startup = startup;
    }

    @Override
    public Health health() {
        if (startup.failure() != null) {
            return Health.down().withDetail("startup", startup.failure()).build();
        }
        if (!startup.settled()) {
            return Health.unknown().withDetail("startup", "settling the groups").build();
        }
        Health.Builder health = Health.up();
        engine.snapshot().groups().forEach(g -> health.withDetail(g.name(), g.state().word()
                + (g.currentServer() == null ? "" : " on " + g.currentServer())));
        engine.updatesWarning().ifPresent(w -> health.withDetail("liveUpdates", w.english()));
        return health.build();
    }
}
