package dev.switchboard.engine.pacemaker;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Pacemaker commands behind each operation on any resource, node or the cluster, as words
 * (no shell): kept apart so what Switchboard asks Pacemaker to do is visible and tested.
 * Every "off" deletes what the "on" wrote, so nothing of Switchboard's stays in the CIB.
 */
final class ResourceCommands {

    private ResourceCommands() {
    }

    static List<String> exists(String resource) {
        return List.of("crm_resource", "--resource", resource, "--query-xml");
    }

    static List<String> move(String resource, String node) {
        return List.of("crm_resource", "--move", "--resource", resource, "--node", node);
    }

    /** A location constraint with role Promoted (cli-prefer-…), which {@link #clear} removes again. */
    static List<String> movePromoted(String clone, String node) {
        return List.of("crm_resource", "--move", "--promoted", "--resource", clone, "--node", node);
    }

    static List<String> ban(String resource, String node) {
        return List.of("crm_resource", "--ban", "--resource", resource, "--node", node);
    }

    /** Removes cli-prefer and cli-ban constraints on the resource, only those for {@code node} when named. */
    static List<String> clear(String resource, @Nullable String node) {
        return withNode(new ArrayList<>(List.of("crm_resource", "--clear", "--resource", resource)), node);
    }

    static List<String> cleanup(String resource, @Nullable String node) {
        return withNode(new ArrayList<>(List.of("crm_resource", "--cleanup", "--resource", resource)), node);
    }

    /** Started: the target-role goes (Pacemaker's default); stopped: target-role=Stopped. */
    static List<String> running(String resource, boolean started) {
        return started ? metaDelete(resource, "target-role") : metaSet(resource, "target-role", "Stopped");
    }

    /** The resource's meta attribute maintenance, removed again when off. */
    static List<String> resourceMaintenance(String resource, boolean on) {
        return on ? metaSet(resource, "maintenance", "true") : metaDelete(resource, "maintenance");
    }

    /** The node attribute maintenance, removed again when off. */
    static List<String> nodeMaintenance(String node, boolean on) {
        return on ? List.of("crm_attribute", "--node", node, "--name", "maintenance", "--update", "true")
                : List.of("crm_attribute", "--node", node, "--name", "maintenance", "--delete");
    }

    /** The cluster property maintenance-mode, removed again when off. */
    static List<String> clusterMaintenance(boolean on) {
        return on ? List.of("crm_attribute", "--type", "crm_config", "--name", "maintenance-mode", "--update", "true")
                : List.of("crm_attribute", "--type", "crm_config", "--name", "maintenance-mode", "--delete");
    }

    /**
     * Deletes the resource's empty meta attribute sets, which crm_resource leaves after deleting
     * the last attribute: an empty set means nothing, and "nothing left behind" includes it.
     */
    static List<String> emptyMetaSets(String resource) {
        return List.of("cibadmin", "--delete", "--xpath", "//resources//*[@id=" + xpathLiteral(resource)
                + "]/meta_attributes[not(*)]");
    }

    /** Deletes the node's empty attribute sets, which crm_attribute leaves after deleting the last attribute. */
    static List<String> emptyNodeSets(String node) {
        return List.of("cibadmin", "--delete", "--xpath", "//nodes/node[@uname=" + xpathLiteral(node)
                + "]/instance_attributes[not(*)]");
    }

    /** The name as an XPath string literal; a name with both quote kinds cannot be one and is refused. */
    static String xpathLiteral(String name) {
        if (!name.contains("'")) {
            return "'" + name + "'";
        }
        if (!name.contains("\"")) {
            return "\"" + name + "\"";
        }
        throw new IllegalArgumentException("The name " + name + " contains both ' and \"; Pacemaker ids cannot.");
    }

    static List<String> constraints() {
        return List.of("cibadmin", "--query", "--scope", "constraints");
    }

    private static List<String> metaSet(String resource, String name, String value) {
        return List.of("crm_resource", "--resource", resource, "--meta", "--set-parameter", name, "--parameter-value",
                value);
    }

    private static List<String> metaDelete(String resource, String name) {
        return List.of("crm_resource", "--resource", resource, "--meta", "--delete-parameter", name);
    }

    private static List<String> withNode(List<String> command, @Nullable String node) {
        if (node != null) {
            command.add("--node");
            command.add(node);
        }
        return List.copyOf(command);
    }
}
