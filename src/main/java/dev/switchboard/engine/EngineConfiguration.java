package dev.switchboard.engine;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.SwitchboardProperties.EngineType;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.engine.embedded.EmbeddedClusterEngine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the cluster definition and creates the engine chosen by switchboard.engine.type. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    ClusterDefinition clusterDefinition(SwitchboardProperties properties) {
        boolean embedded = properties.engine().type() == EngineType.EMBEDDED;
        return new ClusterDefinitionReader(properties.dataDir(), embedded).read(properties.cluster().location());
    }

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
