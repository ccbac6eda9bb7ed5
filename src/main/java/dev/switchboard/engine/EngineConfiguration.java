package dev.switchboard.engine;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.SwitchboardProperties.EngineType;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.embedded.EmbeddedClusterEngine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the engine chosen by switchboard.engine.type for the cluster definition read at start-up. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    ClusterEngine clusterEngine(SwitchboardProperties properties, ClusterDefinition definition,
                                ApplicationEventPublisher publisher) {
        if (properties.engine().type() != EngineType.EMBEDDED) {
            throw new IllegalStateException("switchboard.engine.type=" + properties.engine().type().name().toLowerCase()
                    + " is not available in this version; set it to embedded.");
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
