package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ServiceCheck;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Switchboard pointed at the running lab with the engine type and the command prefix only (and the
 * one node to ask first): no cluster.yml, so the nodes and the group come from the CIB; then with a
 * small overlay that adds the group's service check and impact notes and names no server. The nodes
 * are compared with what {@code crm_mon} shows, so the test holds on two nodes and on three. Started
 * in this JVM (one application at a time, each closed) so that the definition it runs with can be
 * compared too: the API shows nodes, groups and members, not service checks.
 */
class PacemakerDiscoveryIT {

    private static final String NOTE = "Overlay note: sessions end and users log in again.";

    @TempDir
    Path dir;

    @BeforeAll
    static void lab() {
        PacemakerLab.up();
        PacemakerLab.commands().run("srv1", "crm_resource", "--cleanup");
    }

    @Test
    void withoutClusterYmlEveryNodeAndTheGroupWithItsMembersShow() throws IOException {
        try (ConfigurableApplicationContext app = start(dir.resolve("no-such-cluster.yml"))) {
            String base = "http://localhost:" + port(app);
            // the lab's, not the demo's: corosync's address of each node, read on the lab
            ClusterDefinition definition = app.getBean(ClusterDefinition.class);
            assertThat(definition.source()).isEqualTo(dir.resolve("no-such-cluster.yml"));
            assertThat(definition.server("srv1").orElseThrow().address()).isEqualTo("10.200.0.1");

            JsonNode servers = api(base, "/api/v1/servers").get("servers");
            assertThat(names(servers)).containsExactlyInAnyOrderElementsOf(crmMonNodes());
            JsonNode groups = api(base, "/api/v1/groups").get("groups");
            assertThat(names(groups)).contains("failover-clweb");
            JsonNode group = api(base, "/api/v1/groups/failover-clweb").get("groups").get(0);
            assertThat(names(group.get("resources"))).containsExactly("fip1", "disk1", "exec1");
            await().atMost(Duration.ofSeconds(30)).until(() -> api(base, "/api/v1/groups/failover-clweb")
                    .get("groups").get(0).get("status").asString().equals("Online"));
            assertThat(api(base, "/api/v1/cluster").get("cluster").get("name").asString())
                    .isEqualTo(crmMonClusterName());

            String wizard = operator(base).get("/groups/failover-clweb/move").body();
            assertThat(wizard).contains("fip1").doesNotContain(NOTE);
            assertThat(definition.group("failover-clweb").orElseThrow().serviceCheck()).isNull();
        }
    }

    @Test
    void aSmallOverlayAddsTheServiceCheckAndTheImpactNotes() throws IOException {
        Path overlay = Files.writeString(dir.resolve("cluster.yml"), """
                groups:
                  - name: failover-clweb
                    impact-notes: ["%s"]
                    service-check: {url: "%s", expect: "CL/Web on {server},"}
                """.formatted(NOTE, PacemakerLab.SERVICE));
        try (ConfigurableApplicationContext app = start(overlay)) {
            String base = "http://localhost:" + port(app);
            assertThat(app.getBean(ClusterDefinition.class).source()).isEqualTo(overlay);

            assertThat(names(api(base, "/api/v1/servers").get("servers")))
                    .containsExactlyInAnyOrderElementsOf(crmMonNodes());
            assertThat(names(api(base, "/api/v1/groups/failover-clweb").get("groups").get(0).get("resources")))
                    .containsExactly("fip1", "disk1", "exec1");
            // the notes on the wizard's page; the service check (which no page or API answer shows
            // before a move verifies it) in the definition the moves use
            String wizard = operator(base).get("/groups/failover-clweb/move").body();
            assertThat(wizard).contains(NOTE);
            ServiceCheck check = app.getBean(ClusterDefinition.class).group("failover-clweb").orElseThrow().serviceCheck();
            assertThat(check.url()).isEqualTo(PacemakerLab.SERVICE);
            assertThat(check.expect()).isEqualTo("CL/Web on {server},");
        }
    }

    /** Command-line arguments: they win over application.yml (default properties would not). */
    private ConfigurableApplicationContext start(Path location) {
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0",
                "--switchboard.engine.type=pacemaker",
                "--switchboard.pacemaker.command-prefix=lab/pacemaker/node.sh,{node}",
                "--switchboard.pacemaker.contact-nodes=srv1",
                "--switchboard.cluster.location=" + location,
                "--switchboard.data-dir=" + dir.resolve("data"),
                "--switchboard.security.accounts[0].name=operator",
                "--switchboard.security.accounts[0].password-hash="
                        + "{bcrypt}$2a$04$PNbvcCTNV.mrZXfrIwrqFOw8clLQ9g6JPtgF/p.UU87V5wD2H26zy",
                "--switchboard.security.accounts[0].role=OPERATOR");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static HttpSession operator(String base) {
        HttpSession session = new HttpSession(base);
        session.login("operator", PacemakerWebIT.OPERATOR_PASSWORD);
        return session;
    }

    private static JsonNode api(String base, String path) {
        String body = HttpSession.basic(base + path, "GET", "operator", PacemakerWebIT.OPERATOR_PASSWORD).body();
        return JsonMapper.builder().build().readTree(body);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.get("name").asString()));
        return names;
    }

    /** The nodes crm_mon shows, however many the lab has. */
    private static List<String> crmMonNodes() {
        String xml = PacemakerLab.commands().run("srv1", "crm_mon", "-1", "--output-as=xml").stdout();
        Matcher m = Pattern.compile("<node name=\"([^\"]+)\"").matcher(xml);
        java.util.Set<String> nodes = new java.util.LinkedHashSet<>(); // a resource's <node> repeats a name
        while (m.find()) {
            nodes.add(m.group(1));
        }
        assertThat(nodes).as("crm_mon's nodes").isNotEmpty();
        return List.copyOf(nodes);
    }

    private static String crmMonClusterName() {
        return PacemakerLab.commands().run("srv1", "crm_attribute", "--type", "crm_config", "--name", "cluster-name",
                "--query", "--quiet").stdout().strip();
    }
}
