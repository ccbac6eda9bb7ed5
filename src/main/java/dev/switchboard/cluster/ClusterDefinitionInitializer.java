package dev.switchboard.cluster;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.SwitchboardProperties.EngineType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reads and checks cluster.yml before the application context starts anything (no web server,
 * no engine), so a broken file stops Switchboard at once with only its list of problems.
 * The definition becomes the {@link ClusterDefinition} bean.
 */
class ClusterDefinitionInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SwitchboardProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("switchboard", SwitchboardProperties.class);
        if (properties.engine().type() != EngineType.EMBEDDED) {
            return; // a cluster manager's definition is completed from it (PacemakerDefinitionInitializer)
        }
        ClusterDefinition definition = new ClusterDefinitionReader(properties.dataDir(), true)
                .read(properties.cluster().location());
        context.getBeanFactory().registerSingleton("clusterDefinition", definition);
    }
}
