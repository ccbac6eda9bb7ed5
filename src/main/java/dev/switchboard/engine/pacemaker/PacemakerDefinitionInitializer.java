package dev.switchboard.engine.pacemaker;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.ConfigProblem;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.EngineSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the Pacemaker engine is the one chosen ({@link PacemakerEngineConfiguration}): discovers the
 * cluster from the live CIB before anything starts, with cluster.yml, when there is one, as an
 * overlay ({@link PacemakerDefinitionOverlay}), so a wrong name or an unreachable cluster stops
 * Switchboard at once with the reason and the fix.
 *
 * <p>The CIB is asked of the first node that answers: the overlay's servers, then
 * {@code switchboard.pacemaker.contact-nodes}; a command prefix without {@code {node}} reaches one
 * host whatever the name, so it needs neither.
 */
class PacemakerDefinitionInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String CONTACT_NODES = "switchboard.pacemaker.contact-nodes";
    private static final Logger log = LoggerFactory.getLogger(PacemakerDefinitionInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!EngineSelection.selects(PacemakerEngineConfiguration.class, context.getEnvironment())) {
            return;
        }
        Binder binder = Binder.get(context.getEnvironment());
        SwitchboardProperties properties = binder.bindOrCreate("switchboard", SwitchboardProperties.class);
        Path location = properties.cluster().location();
        ClusterDefinition overlay = null;
        if (Files.exists(location)) {
            overlay = ClusterDefinitionReader.overlay(properties.dataDir()).read(location);
        } else {
            log.info("No cluster.yml at {}: Switchboard shows the Pacemaker cluster as its CIB has it.",
                    location.toAbsolutePath());
        }
        PacemakerProperties pacemaker = binder.bindOrCreate("switchboard.pacemaker", PacemakerProperties.class);
        List<String> contacts = binder.bind(CONTACT_NODES, Bindable.listOf(String.class)).orElse(List.of());
        context.getBeanFactory().registerSingleton("clusterDefinition",
                read(location, overlay, contacts, pacemaker.commands(), pacemaker.commandPrefix()));
    }

    /** The definition from the first node that answers: its CIB and corosync's node list there. */
    static ClusterDefinition read(Path location, ClusterDefinition overlay, List<String> contactNodes,
                                  PacemakerCommands commands, List<String> prefix) {
        Set<String> nodes = new LinkedHashSet<>();
        if (overlay != null) {
            overlay.servers().stream().map(ServerDefinition::name).forEach(nodes::add);
        }
        nodes.addAll(contactNodes);
        if (nodes.isEmpty() && prefix.stream().noneMatch(word -> word.contains("{node}"))) {
            nodes.add("this-host"); // the prefix ignores the name: every command runs on the one host it reaches
        }
        PacemakerFailure last = null;
        for (String node : nodes) {
            try {
                String cib = commands.run(node, "cibadmin", "-Q").stdout();
                var corosync = commands.attempt(node, "corosync-cmapctl", "-b", "nodelist.node");
                PacemakerDefinitionFacts facts = PacemakerDefinitionFacts.read(cib,
                        corosync.exitCode() == 0 ? corosync.stdout() : "");
                return PacemakerDefinition.discover(location, overlay, Cib.parse(cib), facts);
            } catch (PacemakerFailure e) {
                last = e;
            }
        }
        String file = location.toString();
        throw new ClusterDefinitionInvalid(file, List.of(new ConfigProblem(file, "", 0, 0, "cannot read the CIB "
                + (nodes.isEmpty() ? "from any node: the command prefix names a {node} and no node is known."
                : "from any node (" + String.join(", ", nodes) + "): " + last.getMessage()),
                "set " + CONTACT_NODES + " to one or more nodes of the cluster (or list them under servers in "
                        + file + "), check switchboard.pacemaker.command-prefix and that the cluster runs "
                        + "(crm_mon -1 on a node).")));
    }
}
