package dev.switchboard.engine.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switchboard's alert as the CIB holds it, and its agent run as Pacemaker runs it (a real sh). */
class PacemakerAlertsTests {

    @TempDir
    Path dir;

    @Test
    void theAlertInTheCibIsOursOnlyWithOurAgentAndFile() {
        assertThat(PacemakerAlerts.found("<alerts/>")).isEqualTo(PacemakerAlerts.Found.NONE);
        assertThat(PacemakerAlerts.found("<alerts>" + PacemakerAlerts.ALERT_XML + "</alerts>"))
                .isEqualTo(PacemakerAlerts.Found.OURS);
        assertThat(PacemakerAlerts.found("<alerts><alert id=\"switchboard-notify\" path=\"/opt/old/agent.sh\">"
                + "<recipient id=\"r\" value=\"" + PacemakerAlerts.LOG + "\"/></alert></alerts>"))
                .as("another agent under our id").isEqualTo(PacemakerAlerts.Found.FOREIGN);
        assertThat(PacemakerAlerts.found("<alerts><alert id=\"switchboard-notify\" path=\"" + PacemakerAlerts.AGENT
                + "\"><recipient id=\"r\" value=\"/tmp/elsewhere.log\"/></alert></alerts>"))
                .as("another file").isEqualTo(PacemakerAlerts.Found.FOREIGN);
        assertThat(PacemakerAlerts.found("<alerts><alert id=\"site-mail\" path=\"/usr/share/pacemaker/alerts/mail\"/>"
                + "</alerts>")).as("somebody else's alert is left alone").isEqualTo(PacemakerAlerts.Found.NONE);
    }

    @Test
    void theAgentWritesOneLineAnAlertThatSwitchboardReads() throws Exception {
        Path log = dir.resolve("alerts.log");
        runAgent(log, Map.of("CRM_alert_kind", "resource", "CRM_alert_node", "srv1", "CRM_alert_rsc", "exec1",
                "CRM_alert_task", "stop", "CRM_alert_desc", "ok", "CRM_alert_timestamp", "00:47:21.000123"));
        runAgent(log, Map.of("CRM_alert_kind", "attribute", "CRM_alert_node", "srv2"));

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        assertThat(AlertLine.parse(lines.get(0)))
                .contains(new AlertLine("00:47:21.000123", "resource", "srv1", "exec1", "stop", "ok"));
        assertThat(AlertLine.parse(lines.get(1))).get().extracting(AlertLine::kind, AlertLine::node)
                .containsExactly("attribute", "srv2");
    }

    @Test
    void theAgentStartsTheFileAfreshPastOneMegabyte() throws Exception {
        Path log = dir.resolve("alerts.log");
        Files.write(log, new byte[1_048_576]);

        runAgent(log, Map.of("CRM_alert_kind", "node", "CRM_alert_node", "srv1"));

        assertThat(Files.readAllLines(log)).singleElement().satisfies(l -> assertThat(AlertLine.parse(l)).isPresent());
    }

    private void runAgent(Path log, Map<String, String> alert) throws IOException, InterruptedException {
        Path agent = dir.resolve("agent.sh");
        Files.writeString(agent, PacemakerAlerts.AGENT_SCRIPT, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("sh", agent.toString()).redirectErrorStream(true);
        builder.environment().putAll(alert);
        builder.environment().put("CRM_alert_recipient", log.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
