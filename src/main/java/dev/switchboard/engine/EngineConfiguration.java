package dev.switchboard.engine;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.SwitchboardProperties.EngineType;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.embedded.EmbeddedClusterEngine;
import dev.switchboard.engine.pacemaker.PacemakerClusterEngine;
import dev.switchboard.engine.pacemaker.PacemakerCommands;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the engine chosen by switchboard.engine.type for the cluster definition read at start-up. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    ClusterEngine clusterEngine(SwitchboardProperties properties, ClusterDefinition definition,
                                ApplicationEventPublisher publisher) {
        if (properties.engine().type() == EngineType.PACEMAKER) {
            var settings = properties.pacemaker();
            PacemakerClusterEngine engine = new PacemakerClusterEngine(definition, PacemakerCommands.of(settings),
                    settings.operationTimeout(), settings.pollInterval());
            engine.addListener(publisher::publishEvent);
            return engine;
        }
        EmbeddedClusterEngine engine = new EmbeddedClusterEngine(definition, properties.dataDir());
        engine.addListener(publisher::publishEvent);
        return engine;
    }

    @Bean
    EngineStartup engineStartup(ClusterEngine engine) {
        return new EngineStartup(engine);
    }
}
