package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.PacemakerWebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator puts a node of the real Pacemaker lab in standby from the status page and brings
 * it back: the group leaves the node as part of the operation (not as a failover), and both
 * operations are on the record with the reason.
 */
class PacemakerStandbyIT extends PacemakerWebIT {

    @Autowired
    ClusterEngine engine;

    @Autowired
    AuditTrail trail;

    @Test
    void aNodeGoesToStandbyWithItsGroupMovingAwayAndComesBack() {
        // an earlier test in this JVM may have left srv1 in standby or the group on srv2
        PacemakerLab.commands().attempt("srv1", "crm_attribute", "--node", "srv1", "--name", "standby", "--delete");
        PacemakerLab.commands().attempt("srv1", "crm_resource", "--move", "--resource", "failover-clweb", "--node", "srv1");
        awaitService("CL/Web on srv1");
        PacemakerLab.commands().run("srv1", "crm_resource", "--clear", "--resource", "failover-clweb");
        await().atMost(Duration.ofSeconds(10)).until(() -> "srv1".equals(group().currentServer()));
        long before = trail.latest(1).stream().mapToLong(AuditEvent::id).findFirst().orElse(0); // may be empty
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        try {
            assertThat(operator.get("/").body()).contains("/operations/new?kind=SERVER_STANDBY&amp;subject=srv1");
            assertThat(operator.get("/operations/new?kind=SERVER_STANDBY&subject=srv1").body())
                    .contains("Put server srv1 in standby", "Groups running on srv1 now: failover-clweb",
                            "Type srv1 to confirm");

            String standby = follow(operator, "kind=SERVER_STANDBY&subject=srv1&reason=CHG-9+patch+srv1&confirmation=srv1");

            assertThat(standby).contains("state op-succeeded", "srv1 Standby; failover-clweb Online on srv2 (verified: ",
                    "CHG-9 patch srv1");
            assertThat(engine.snapshot().servers()).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("srv1");
                assertThat(s.state()).isEqualTo(ServerState.STANDBY);
            });
            awaitService("CL/Web on srv2");
            assertThat(operator.get("/").body()).contains("/operations/new?kind=SERVER_ONLINE&amp;subject=srv1")
                    .doesNotContain("kind=SERVER_STANDBY&amp;subject=srv1");

            operator.get("/operations/new?kind=SERVER_ONLINE&subject=srv1");
            String online = follow(operator, "kind=SERVER_ONLINE&subject=srv1&reason=CHG-9+done");

            assertThat(online).contains("state op-succeeded", "srv1 Online; failover-clweb Online on srv2");
            List<AuditEvent> since = trail.latest(200).stream().filter(e -> e.id() > before).toList();
            assertThat(since).filteredOn(e -> e.action().equals("operation-finished") && e.target().equals("srv1"))
                    .hasSize(2).allSatisfy(e -> assertThat(e.outcome()).isEqualTo("SUCCESS"));
            assertThat(since).filteredOn(e -> e.action().equals("operation-requested") && e.target().equals("srv1"))
                    .extracting(AuditEvent::details).containsExactly("server-online srv1; reason: CHG-9 done",
                            "server-standby srv1; reason: CHG-9 patch srv1");
            assertThat(since).filteredOn(e -> e.action().equals("operation-step"))
                    .as("the group's moves are steps of the standby, under the group").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.group()).isEqualTo("failover-clweb"));
            assertThat(since).as("leaving for standby is no failover").noneMatch(e -> e.action().equals("group-failover"));
        } finally {
            PacemakerLab.commands().attempt("srv1", "crm_attribute", "--node", "srv1", "--name", "standby", "--delete");
        }
    }

    /** Submits the confirmed form and follows the operation's page until it has finished. */
    private String follow(HttpSession operator, String form) {
        HttpResponse<String> submitted = operator.post("/operations", form, true);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/operations/[0-9a-f-]{36}");
        return operator.finishedOperation(location.substring(location.indexOf("/operations/")), Duration.ofSeconds(90));
    }

    private dev.switchboard.engine.GroupStatus group() {
        return engine.snapshot().group("failover-clweb").orElseThrow();
    }
}
