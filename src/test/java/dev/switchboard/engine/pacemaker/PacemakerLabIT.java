package dev.switchboard.engine.pacemaker;

import static dev.switchboard.engine.pacemaker.PacemakerLab.CLONE;
import static dev.switchboard.engine.pacemaker.PacemakerLab.CLONE_PRIMITIVE;
import static dev.switchboard.engine.pacemaker.PacemakerLab.FENCE_AGENT;
import static dev.switchboard.engine.pacemaker.PacemakerLab.FENCE_DEVICE;
import static dev.switchboard.engine.pacemaker.PacemakerLab.GROUP;
import static dev.switchboard.engine.pacemaker.PacemakerLab.NODES;
import static dev.switchboard.engine.pacemaker.PacemakerLab.PROMOTABLE;
import static dev.switchboard.engine.pacemaker.PacemakerLab.PROMOTABLE_PRIMITIVE;
import static dev.switchboard.engine.pacemaker.PacemakerLab.PROMOTED_HOME;
import static dev.switchboard.engine.pacemaker.PacemakerLab.SRV3;
import static dev.switchboard.engine.pacemaker.PacemakerLab.STANDALONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The lab is the three-node cluster the Pacemaker issue's tests need (lab/pacemaker/README.md):
 * every kind of resource where the CIB puts it, the constraints and stickiness, and a fencing
 * device that really fences a node, as Pacemaker itself records it.
 */
class PacemakerLabIT {

    @BeforeAll
    static void startLab() {
        PacemakerLab.up();
    }

    @Test
    void threeNodesRunEveryKindOfResourceWhereTheCibPutsIt() {
        Document mon = crmMon("srv1");

        assertThat(strings(mon, "/pacemaker-result/nodes/node[@online='true']/@name")).containsExactlyElementsOf(NODES);
        assertThat(strings(mon, "//group[@id='" + GROUP + "']/resource[@role='Started']/node/@name"))
                .containsExactly("srv1", "srv1", "srv1");
        assertThat(strings(mon, "//clone[@id='" + CLONE + "']/resource[@id='" + CLONE_PRIMITIVE
                + "'][@role='Started']/node/@name")).containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(strings(mon, "//clone[@id='" + PROMOTABLE + "'][@multi_state='true']/resource[@id='"
                + PROMOTABLE_PRIMITIVE + "']/node/@name")).containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(strings(mon, "//clone[@id='" + PROMOTABLE + "']/resource[@role='Promoted']/node/@name"))
                .as("promoted-max 1, on the node its role location prefers").containsExactly(PROMOTED_HOME);
        assertThat(strings(mon, "//clone[@id='" + PROMOTABLE + "']/resource[@role='Unpromoted']/node/@name"))
                .hasSize(NODES.size() - 1);
        assertThat(strings(mon, "/pacemaker-result/resources/resource[@id='" + STANDALONE + "'][@role='Started']/node/@name"))
                .containsExactly(SRV3);
        assertThat(strings(mon, "/pacemaker-result/resources/resource[@id='" + FENCE_DEVICE + "']/@resource_agent"))
                .containsExactly("stonith:" + FENCE_AGENT);
        assertThat(strings(mon, "/pacemaker-result/resources/resource[@id='" + FENCE_DEVICE + "']/@role"))
                .containsExactly("Started");
    }

    @Test
    void theConstraintsStickinessAndFencingAreConfigured() {
        Document cib = xml(PacemakerLab.commands().run("srv1", "cibadmin", "-Q").stdout());

        assertThat(attributes(cib, "//rsc_location[@id='" + PacemakerLab.STANDALONE_LOCATION + "']", "rsc", "node", "score"))
                .containsExactly(STANDALONE, SRV3, "50");
        assertThat(attributes(cib, "//rsc_colocation[@id='" + PacemakerLab.STANDALONE_COLOCATION + "']", "rsc", "with-rsc",
                "score")).containsExactly(STANDALONE, CLONE, "INFINITY");
        assertThat(attributes(cib, "//rsc_order[@id='" + PacemakerLab.STANDALONE_ORDER + "']", "first", "then"))
                .containsExactly(CLONE, STANDALONE);
        assertThat(attributes(cib, "//rsc_location[@id='" + PacemakerLab.GROUP_NOT_ON_SRV3 + "']", "rsc", "node", "score"))
                .containsExactly(GROUP, SRV3, "-INFINITY");
        assertThat(attributes(cib, "//rsc_location[@id='" + PacemakerLab.PROMOTED_LOCATION + "']", "rsc", "role", "node"))
                .containsExactly(PROMOTABLE, "Promoted", PROMOTED_HOME);
        assertThat(strings(cib, "//clone[@id='" + PROMOTABLE + "']/meta_attributes/nvpair[@name='promoted-max']/@value"))
                .containsExactly("1");
        assertThat(strings(cib, "//rsc_defaults//nvpair[@name='resource-stickiness']/@value"))
                .containsExactly(String.valueOf(PacemakerLab.STICKINESS));
        assertThat(strings(cib, "//crm_config//nvpair[@name='stonith-enabled']/@value")).containsExactly("true");
        assertThat(attributes(cib, "//primitive[@id='" + FENCE_DEVICE + "']", "class", "type"))
                .containsExactly("stonith", FENCE_AGENT);
    }

    @Test
    void aFencedNodeIsInTheFencingHistoryAndComesBack() {
        try {
            PacemakerLab.fence(SRV3);

            Document fenced = crmMon("srv1");
            assertThat(strings(fenced, "/pacemaker-result/nodes/node[@name='" + SRV3 + "']/@online")).containsExactly("false");
            assertThat(strings(fenced, "//fence_history/fence_event[@target='" + SRV3 + "'][@status='success']/@action"))
                    .contains("reboot");
            assertThat(PacemakerLab.commands().attempt(SRV3, "crm_mon", "-1").exitCode())
                    .as("srv3's own Pacemaker is gone").isNotZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> !strings(crmMon("srv1"), "/pacemaker-result/resources/resource[@id='"
                    + STANDALONE + "'][@role='Started']/node/@name").isEmpty());
            assertThat(strings(crmMon("srv1"), "/pacemaker-result/resources/resource[@id='" + STANDALONE + "']/node/@name"))
                    .as("report went where an instance of " + CLONE + " runs").singleElement().isIn("srv1", "srv2");

            PacemakerLab.rejoin(SRV3);

            Document back = crmMon("srv1");
            assertThat(strings(back, "/pacemaker-result/nodes/node[@online='true']/@name")).containsExactlyElementsOf(NODES);
            assertThat(strings(back, "//clone[@id='" + CLONE + "']/resource[@role='Started']/node/@name")).contains(SRV3);
            assertThat(strings(crmMon(SRV3), "/pacemaker-result/nodes/node[@online='true']/@name"))
                    .as("srv3's own Pacemaker answers again").containsExactlyElementsOf(NODES);
        } finally {
            homeReport();
        }
    }

    /** report back on srv3 (stickiness kept it where the fencing moved it), as up.sh left it. */
    private static void homeReport() {
        PacemakerLab.commands().attempt("srv1", "crm_resource", "--move", "--resource", STANDALONE, "--node", SRV3);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> strings(crmMon("srv1"),
                "/pacemaker-result/resources/resource[@id='" + STANDALONE + "'][@role='Started']/node/@name")
                .equals(List.of(SRV3)));
        PacemakerLab.commands().run("srv1", "crm_resource", "--clear", "--resource", STANDALONE);
    }

    private static Document crmMon(String node) {
        return xml(PacemakerLab.commands().run(node, "crm_mon", "-1", "--output-as=xml", "--fence-history").stdout());
    }

    private static Document xml(String text) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + text, e);
        }
    }

    private static List<String> strings(Document doc, String xpath) {
        try {
            NodeList found = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < found.getLength(); i++) {
                values.add(found.item(i).getNodeValue());
            }
            return values;
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The named attributes of the one element the XPath finds (empty when none or several). */
    private static List<String> attributes(Document doc, String xpath, String... names) {
        try {
            NodeList found = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            if (found.getLength() != 1) {
                return List.of();
            }
            Element element = (Element) found.item(0);
            return List.of(names).stream().map(element::getAttribute).toList();
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
