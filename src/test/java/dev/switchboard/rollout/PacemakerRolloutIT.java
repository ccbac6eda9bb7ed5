package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.PacemakerWebIT;
import dev.switchboard.engine.pacemaker.Cib;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The rolling-update walkthrough on the real Pacemaker lab, over HTTP: the lab's installer
 * updates each node (and leaves a local config folder), the relink runs on the node through the
 * command prefix, the switchovers are Pacemaker moves; the service ends on srv1 with 1.1.
 */
class PacemakerRolloutIT extends PacemakerWebIT {

    @Test
    void bothNodesAreUpdatedAndRelinkedAndTheGroupEndsAtHomeOnTheNewVersion() {
        // the lab is fresh in each test JVM (CL/Web 1.0), but an earlier test may have left the group on srv2
        PacemakerLab.commands().attempt("srv1", "crm_resource", "--move", "--resource", "failover-clweb", "--node", "srv1");
        awaitService("CL/Web on srv1, version 1.0");
        PacemakerLab.commands().run("srv1", "crm_resource", "--clear", "--resource", "failover-clweb");
        RolloutClient operator = new RolloutClient(url(""), "operator", OPERATOR_PASSWORD);
        operator.create("CL/Web 1.0 → 1.1 on Pacemaker", "1.1");
        await().atMost(Duration.ofSeconds(20)).until(() -> !operator.page().contains("data-verdict=\"FAIL\""));
        current(operator.signOff(0, ""), 1);
        assertThat(operator.runUpdate(1)).contains("exit code 0", "srv2: 1.1");
        current(operator.signOff(1, ""), 2);
        assertThat(operator.page()).contains("/usr/local/jcclweb/config on srv2 is not a link to /mnt/export/config");
        current(operator.relink(2), 2);
        current(operator.signOff(2, ""), 3);
        operator.switchTo("srv2");
        current(operator.signOff(3, ""), 4);
        assertThat(operator.runUpdate(4)).contains("exit code 0", "srv1: 1.1");
        current(operator.signOff(4, ""), 5);
        current(operator.relink(5), 5);
        current(operator.signOff(5, ""), 6);
        operator.switchTo("srv1");
        current(operator.signOff(6, ""), 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> !operator.page().contains("data-verdict=\"FAIL\""));
        assertThat(operator.signOff(7, "done on Pacemaker")).contains(">Completed<");

        awaitService("CL/Web on srv1, version 1.1");
        assertThat(PacemakerLab.constraints()).noneMatch(Cib.Location::leftover);
        assertThat(operator.report().split("Client-visible outage \\d+ ms \\(move ", -1)).hasSize(3);
    }

    private static void current(String page, int step) {
        assertThat(page).as("step %d is current", step).contains("data-step=\"" + step + "\" class=\"step-current\"")
                .doesNotContain("id=\"error\"");
    }
}
