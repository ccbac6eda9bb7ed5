package dev.switchboard.engine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every engine gets, whichever runs (each engine's own configuration class, marked
 * {@link ConditionalOnEngine}, makes the {@link ClusterEngine} and {@link ServerAccess}): its
 * events published to the application, and its start after the application is up.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineStartup engineStartup(ClusterEngine engine, ApplicationEventPublisher publisher) {
        engine.addListener(publisher::publishEvent);
        return new EngineStartup(engine);
    }
}
