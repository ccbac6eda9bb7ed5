package dev.switchboard.engine.clusterpro;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ClusterDefinitionInvalid;
import dev.switchboard.cluster.ClusterDefinitionReader;
import dev.switchboard.cluster.ConfigProblem;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.EngineSelection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * When the CLUSTERPRO engine is the one chosen ({@link ClusterproEngineConfiguration}): reads the
 * cluster.yml overlay and completes it through the vendor's API before anything starts, so a
 * wrong group name, wrong settings or an unreachable cluster stop Switchboard at once with the
 * server, the reason and the fix.
 */
class ClusterproDefinitionInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(ClusterproDefinitionInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!EngineSelection.selects(ClusterproEngineConfiguration.class, context.getEnvironment())) {
            return;
        }
        Binder binder = Binder.get(context.getEnvironment());
        SwitchboardProperties properties = binder.bindOrCreate("switchboard", SwitchboardProperties.class);
        ClusterDefinition declared = new ClusterDefinitionReader(properties.dataDir(), false)
                .read(properties.cluster().location());
        ClusterproProperties settings = binder.bindOrCreate("switchboard.clusterpro", ClusterproProperties.class);
        context.getBeanFactory().registerSingleton("clusterDefinition", read(declared, settings));
    }

    /** The overlay completed from the cluster's answers. */
    static ClusterDefinition read(ClusterDefinition declared, ClusterproProperties settings) {
        String file = declared.source().toString();
        try {
            VendorApi api = new VendorApi(settings);
            JsonNode groups = api.get("/api/v1/groups");
            Map<String, List<String>> members = new LinkedHashMap<>();
            List<String> names = VendorJson.list(groups, "groups").stream().map(g -> VendorJson.text(g, "name")).toList();
            for (FailoverGroup g : declared.groups()) {
                if (names.contains(g.name())) {
                    JsonNode one = VendorJson.list(api.get("/api/v1/groups/" + g.name() + "?select=resources"), "groups")
                            .get(0);
                    members.put(g.name(), VendorJson.list(one, "resources").stream()
                            .map(r -> VendorJson.text(r, "name")).toList());
                }
            }
            ClusterDefinition complete = ClusterproDefinition.complete(declared, api.get("/api/v1/servers"), groups,
                    members, api.get("/api/v1/resources"), api.get("/api/v1/monitors"));
            log.info("Read the CLUSTERPRO cluster through {}: {} groups, {} monitors.", api.answering(),
                    complete.groups().size(), complete.monitors().size());
            return complete;
        } catch (ClusterproFailure e) {
            throw new ClusterDefinitionInvalid(file, List.of(new ConfigProblem(file, "", 0, 0,
                    "cannot read the cluster through its API: " + e.getMessage(),
                    "correct the switchboard.clusterpro settings named above, then start Switchboard again.")));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ClusterDefinitionInvalid(file, List.of(new ConfigProblem(file, "", 0, 0,
                    "cannot read the cluster through its API: " + e.getMessage(),
                    "correct the switchboard.clusterpro settings, then start Switchboard again.")));
        }
    }
}
