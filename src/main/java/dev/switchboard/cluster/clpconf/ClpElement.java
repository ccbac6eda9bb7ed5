package dev.switchboard.cluster.clpconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An element of clp.conf with its key path in the vendor's notation
 * ({@code /root/resource/exec@exec1/parameters/act/path}): {@code x@v} is the child {@code x} whose
 * {@code name} is v, or whose {@code id} is v for the kinds the vendor's tools key by id.
 */
record ClpElement(Element element, String path) {

    /** The element kinds the vendor's tools address by their {@code id} attribute (clpcfset's make_child_node). */
    private static final Set<String> KEYED_BY_ID = Set.of("device", "list", "hba", "grp", "servers", "netdev",
            "smtpsrv", "snmpsrv");

    static ClpElement root(Element root) {
        return new ClpElement(root, "/" + root.getTagName());
    }

    String tag() {
        return element.getTagName();
    }

    /** The {@code name} attribute, or empty when absent. */
    String name() {
        return element.getAttribute("name");
    }

    String id() {
        return element.getAttribute("id");
    }

    List<ClpElement> children() {
        List<ClpElement> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(new ClpElement(e, path + "/" + segment(e)));
            }
        }
        return children;
    }

    List<ClpElement> children(String tag) {
        return children().stream().filter(c -> c.tag().equals(tag)).toList();
    }

    /** The first child at a slash-separated relative path such as {@code parameters/act/path}. */
    Optional<ClpElement> child(String relativePath) {
        ClpElement current = this;
        for (String step : relativePath.split("/")) {
            Optional<ClpElement> next = current.children(step).stream().findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** The trimmed text at a relative path; whitespace-only values (X 3.x GUI files) count as absent. */
    Optional<String> text(String relativePath) {
        return child(relativePath).map(ClpElement::text).filter(t -> !t.isEmpty());
    }

    /** This element's own trimmed text. */
    String text() {
        return element.getTextContent().trim();
    }

    /** Whether the element holds nothing: no child element and no text. */
    boolean empty() {
        return children().isEmpty() && text().isEmpty();
    }

    private static String segment(Element e) {
        String key = KEYED_BY_ID.contains(e.getTagName()) ? e.getAttribute("id") : e.getAttribute("name");
        if (key.isEmpty() && e.hasAttribute("id")) {
            key = e.getAttribute("id");
        }
        return key.isEmpty() ? e.getTagName() : e.getTagName() + "@" + key;
    }
}
