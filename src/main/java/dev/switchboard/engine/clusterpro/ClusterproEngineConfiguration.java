package dev.switchboard.engine.clusterpro;

import dev.switchboard.SwitchboardProperties.EngineType;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ConditionalOnEngine;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.polling.ServerCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CLUSTERPRO engine, with switchboard.engine.type=clusterpro, on the definition
 * {@link ClusterproDefinitionInitializer} completed through the vendor's API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEngine(EngineType.CLUSTERPRO)
class ClusterproEngineConfiguration {

    @Bean
    ClusterproClusterEngine clusterEngine(ClusterDefinition definition, ClusterproProperties settings) {
        return new ClusterproClusterEngine(definition, new VendorApi(settings), settings);
    }

    @Bean
    ServerAccess serverAccess(ClusterDefinition definition, ClusterEngine engine, ClusterproProperties settings) {
        return new ClusterproServerAccess(definition, engine::snapshot,
                new ServerCommands(settings.commandPrefix(), settings.commandTimeout()));
    }
}
