package dev.switchboard.engine.embedded;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.SwitchboardProperties.EngineType;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ConditionalOnEngine;
import dev.switchboard.engine.ServerAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded engine, the default (switchboard.engine.type=embedded or missing), on the
 * definition {@link EmbeddedDefinitionInitializer} read; its servers live in the data directory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEngine(EngineType.EMBEDDED)
class EmbeddedEngineConfiguration {

    @Bean
    EmbeddedClusterEngine clusterEngine(ClusterDefinition definition, SwitchboardProperties properties,
                                        ForwarderLimits forwarderLimits) {
        return new EmbeddedClusterEngine(definition, properties.dataDir(), forwarderLimits);
    }

    @Bean
    ServerAccess serverAccess(EmbeddedClusterEngine engine) {
        return engine.serverAccess();
    }
}
