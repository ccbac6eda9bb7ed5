package dev.switchboard.engine.pacemaker;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What only the CIB ({@code cibadmin -Q}) says and the inventory needs beside crm_mon: the
 * cluster properties (cluster-name and the rest), each resource's meta attributes (target-role,
 * is-managed) by id whatever its kind or depth, and which nodes are remote or guest nodes.
 * Tolerant: whatever it does not know it leaves out.
 */
record CibFacts(Map<String, String> properties, Map<String, Map<String, String>> meta, Set<String> remoteNodes) {

    static final CibFacts NONE = new CibFacts(Map.of(), Map.of(), Set.of());

    CibFacts {
        properties = Map.copyOf(properties);
        meta = Map.copyOf(meta);
        remoteNodes = Set.copyOf(remoteNodes);
    }

    String property(String name) {
        return properties.getOrDefault(name, "");
    }

    Map<String, String> metaOf(String resourceId) {
        return meta.getOrDefault(resourceId, Map.of());
    }

    /** Reads a parsed CIB (or its configuration section alone); an empty document gives {@link #NONE}'s facts. */
    static CibFacts of(Document cib) {
        Element root = cib.getDocumentElement();
        Element configuration = "configuration".equals(root.getTagName()) ? root : CrmMon.first(root, "configuration");
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element set : CrmMon.children(CrmMon.first(configuration, "crm_config"), "cluster_property_set")) {
            nvpairs(set, properties);
        }
        Map<String, Map<String, String>> meta = new HashMap<>();
        Set<String> remote = new HashSet<>();
        Element resources = CrmMon.first(configuration, "resources");
        NodeList all = resources == null ? null : resources.getElementsByTagName("*");
        for (int i = 0; all != null && i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of("primitive", "group", "clone", "master", "bundle", "template").contains(e.getTagName())) {
                Map<String, String> values = new LinkedHashMap<>();
                CrmMon.children(e, "meta_attributes").forEach(set -> nvpairs(set, values));
                if (!values.isEmpty()) {
                    meta.put(e.getAttribute("id"), values);
                }
                if (!values.getOrDefault("remote-node", "").isEmpty()) {
                    remote.add(values.get("remote-node")); // a guest node
                }
                if ("primitive".equals(e.getTagName()) && "remote".equals(e.getAttribute("type"))
                        && "pacemaker".equals(e.getAttribute("provider"))) {
                    remote.add(e.getAttribute("id")); // a Pacemaker Remote node
                }
            }
        }
        for (Element node : CrmMon.children(CrmMon.first(configuration, "nodes"), "node")) {
            if ("remote".equals(node.getAttribute("type"))) {
                remote.add(node.getAttribute("uname"));
            }
        }
        return new CibFacts(properties, meta, remote);
    }

    private static void nvpairs(Element set, Map<String, String> into) {
        for (Element nv : CrmMon.children(set, "nvpair")) {
            into.putIfAbsent(nv.getAttribute("name"), nv.getAttribute("value"));
        }
    }
}
