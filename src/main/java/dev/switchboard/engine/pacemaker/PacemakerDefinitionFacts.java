package dev.switchboard.engine.pacemaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * What discovery needs of a cluster besides its groups ({@link Cib}): the nodes in the CIB's order
 * with the address each is reached at, and the CIB's {@code cluster-name}.
 *
 * <p>A cluster node's address is its ring0 address in corosync's node list ({@code corosync-cmapctl
 * -b nodelist.node}); a Pacemaker Remote node's is its connection resource's {@code server}
 * parameter; otherwise the node's name (which ssh and the like resolve).
 *
 * @param clusterName the CIB's {@code cluster-name} property, or null when it has none
 */
record PacemakerDefinitionFacts(List<Node> nodes, String clusterName) {

    record Node(String name, String address) {
    }

    List<String> nodeNames() {
        return nodes.stream().map(Node::name).toList();
    }

    /** @param corosyncNodeList {@code corosync-cmapctl -b nodelist.node} output; empty when it could not be read */
    static PacemakerDefinitionFacts read(String cibXml, String corosyncNodeList) {
        Element root = CrmMon.document(cibXml).getDocumentElement();
        Element configuration = "configuration".equals(root.getTagName()) ? root : CrmMon.first(root, "configuration");
        if (configuration == null) {
            throw new IllegalArgumentException("the CIB has no configuration section");
        }
        Map<String, String> corosync = corosyncAddresses(corosyncNodeList);
        Map<String, String> remotes = remoteServers(CrmMon.first(configuration, "resources"));
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Element n : CrmMon.children(CrmMon.first(configuration, "nodes"), "node")) {
            String name = n.getAttribute("uname").isEmpty() ? n.getAttribute("id") : n.getAttribute("uname");
            String address = remotes.getOrDefault(name,
                    corosync.getOrDefault(name, corosync.getOrDefault("#" + n.getAttribute("id"), name)));
            nodes.putIfAbsent(name, new Node(name, address));
        }
        // a remote node that has not connected yet is not in <nodes>, but Pacemaker may run resources there
        remotes.forEach((name, address) -> nodes.putIfAbsent(name, new Node(name, address)));
        return new PacemakerDefinitionFacts(List.copyOf(nodes.values()), clusterName(configuration));
    }

    private static String clusterName(Element configuration) {
        for (Element set : CrmMon.children(CrmMon.first(configuration, "crm_config"), "cluster_property_set")) {
            for (Element nv : CrmMon.children(set, "nvpair")) {
                if ("cluster-name".equals(nv.getAttribute("name")) && !nv.getAttribute("value").isBlank()) {
                    return nv.getAttribute("value").strip();
                }
            }
        }
        return null;
    }

    /** Pacemaker Remote connections ({@code ocf:pacemaker:remote}): node name → {@code server}, else the name. */
    private static Map<String, String> remoteServers(Element resources) {
        Map<String, String> remotes = new LinkedHashMap<>();
        for (Element p : CrmMon.children(resources, "primitive")) {
            if ("ocf".equals(p.getAttribute("class")) && "pacemaker".equals(p.getAttribute("provider"))
                    && "remote".equals(p.getAttribute("type"))) {
                String server = p.getAttribute("id");
                for (Element set : CrmMon.children(p, "instance_attributes")) {
                    for (Element nv : CrmMon.children(set, "nvpair")) {
                        if ("server".equals(nv.getAttribute("name")) && !nv.getAttribute("value").isBlank()) {
                            server = nv.getAttribute("value").strip();
                        }
                    }
                }
                remotes.put(p.getAttribute("id"), server);
            }
        }
        return remotes;
    }

    /**
     * Lines such as {@code nodelist.node.0.ring0_addr (str) = 10.200.0.1}: each node's ring0 address
     * by its name and, as {@code #<nodeid>}, by its id (a node list may give no names).
     */
    static Map<String, String> corosyncAddresses(String nodeList) {
        Map<String, Map<String, String>> byIndex = new LinkedHashMap<>();
        for (String line : nodeList.split("\n")) {
            int equals = line.indexOf(" = ");
            String[] key = (equals < 0 ? "" : line.substring(0, equals)).split("[. ]");
            if (key.length >= 4 && key[0].equals("nodelist") && key[1].equals("node")) {
                byIndex.computeIfAbsent(key[2], k -> new HashMap<>()).put(key[3], line.substring(equals + 3).strip());
            }
        }
        Map<String, String> addresses = new HashMap<>();
        for (Map<String, String> node : byIndex.values()) {
            String address = node.get("ring0_addr");
            if (address != null) {
                addresses.put(node.getOrDefault("name", address), address);
                if (node.containsKey("nodeid")) {
                    addresses.put("#" + node.get("nodeid"), address);
                }
            }
        }
        return addresses;
    }

    /** For messages: the names of the nodes, or a word when there is none. */
    String nodeList() {
        List<String> names = new ArrayList<>(nodeNames());
        return names.isEmpty() ? "(the CIB lists no node)" : String.join(", ", names);
    }
}
