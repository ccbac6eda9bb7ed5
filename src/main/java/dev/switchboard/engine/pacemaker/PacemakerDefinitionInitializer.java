package dev.switchboard.engine.pacemaker;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.ConfigProblem;
import dev.switchboard.engine.EngineSelection;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the Pacemaker engine is the one chosen ({@link PacemakerEngineConfiguration}): reads
 * cluster.yml and completes it from the live CIB before anything starts, so a wrong group name
 * or an unreachable cluster stops Switchboard at once with the reason and the fix.
 */
class PacemakerDefinitionInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!EngineSelection.selects(PacemakerEngineConfiguration.class, context.getEnvironment())) {
            return;
        }
        Binder binder = Binder.get(context.getEnvironment());
        SwitchboardProperties properties = binder.bindOrCreate("switchboard", SwitchboardProperties.class);
        ClusterDefinition declared = new ClusterDefinitionReader(properties.dataDir(), false)
                .read(properties.cluster().location());
        PacemakerCommands commands = binder.bindOrCreate("switchboard.pacemaker", PacemakerProperties.class).commands();
        context.getBeanFactory().registerSingleton("clusterDefinition",
                PacemakerDefinition.complete(declared, cib(declared, commands)));
    }

    /** The CIB from the first node that answers. */
    private static Cib cib(ClusterDefinition declared, PacemakerCommands commands) {
        PacemakerFailure last = null;
        for (var server : declared.servers()) {
            try {
                return Cib.parse(commands.run(server.name(), "cibadmin", "-Q").stdout());
            } catch (PacemakerFailure e) {
                last = e;
            }
        }
        throw new ClusterDefinitionInvalid(declared.source().toString(), List.of(new ConfigProblem(
                declared.source().toString(), "", 0, 0, "cannot read the CIB from any node: "
                + (last == null ? "no servers declared" : last.getMessage()),
                "check switchboard.pacemaker.command-prefix and that the cluster runs (crm_mon -1 on a node).")));
    }
}
