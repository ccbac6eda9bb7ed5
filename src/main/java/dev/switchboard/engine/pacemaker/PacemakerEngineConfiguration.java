package dev.switchboard.engine.pacemaker;

import dev.switchboard.SwitchboardProperties.EngineType;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ConditionalOnEngine;
import dev.switchboard.engine.ServerAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Pacemaker engine, with switchboard.engine.type=pacemaker, on the definition
 * {@link PacemakerDefinitionInitializer} completed from the live CIB.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEngine(EngineType.PACEMAKER)
class PacemakerEngineConfiguration {

    @Bean
    PacemakerClusterEngine clusterEngine(ClusterDefinition definition, PacemakerProperties settings) {
        return new PacemakerClusterEngine(definition, settings.commands(), settings.operationTimeout(),
                settings.pollInterval());
    }

    @Bean
    ServerAccess serverAccess(ClusterDefinition definition, ClusterEngine engine, PacemakerProperties settings) {
        return new PacemakerServerAccess(definition, engine::snapshot, settings.commands());
    }
}
