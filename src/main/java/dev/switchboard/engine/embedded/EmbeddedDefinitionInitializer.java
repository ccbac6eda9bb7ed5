package dev.switchboard.engine.embedded;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.engine.EngineSelection;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the embedded engine is the one chosen ({@link EmbeddedEngineConfiguration}): reads and
 * checks cluster.yml before the application context starts anything (no web server, no
 * engine), so a broken file stops Switchboard at once with only its list of problems. The
 * definition becomes the {@link ClusterDefinition} bean.
 */
class EmbeddedDefinitionInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!EngineSelection.selects(EmbeddedEngineConfiguration.class, context.getEnvironment())) {
            return;
        }
        SwitchboardProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("switchboard", SwitchboardProperties.class);
        ClusterDefinition definition = new ClusterDefinitionReader(properties.dataDir(), true)
                .read(properties.cluster().location());
        context.getBeanFactory().registerSingleton("clusterDefinition", definition);
    }
}
