package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.ClusterproWebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A failover the cluster does by itself, seen through the vendor API: kill -9 of the cluster's
 * application on srv1 (the first Switchboard's own process monitor fails the group over to srv2),
 * and Switchboard with the clusterpro engine, which only compares its readings, shows it on the
 * open status page, pushed, and records it as a failover with the system as its actor, not as an
 * operator's move; it offers no cleanup, which the vendor API does not have. Then the group goes
 * home.
 */
class ClusterproFailoverBrowserIT extends ClusterproWebIT {

    @Autowired
    ClusterEngine engine;

    @Autowired
    AuditTrail trail;

    ChromeDriver browser;

    @BeforeEach
    void groupAtHome() {
        groupHome(engine);
    }

    @AfterEach
    void closeBrowserAndGoHome() {
        if (browser != null) {
            browser.quit();
        }
        groupHome(engine);
    }

    @Test
    void afterKillMinus9OfTheClustersApplicationTheGroupShowsAsFailedOverNotMoved() throws Exception {
        browser = Chromium.start("en");
        Chromium.logIn(browser, url(""), "operator", OPERATOR_PASSWORD);
        browser.get(url("/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "srv1".equals(Chromium.attribute(browser,
                "svg.group-picture[data-group='" + GROUP + "']", "data-server")));
        awaitLiveStream();
        browser.executeScript("window.sameDocument = 'yes'");
        Instant killed = Instant.now();

        long pid = Long.parseLong(Files.readString(CLUSTER.dataDir()
                .resolve("servers/srv1/usr/local/jcclweb/run/clweb_serv.pid")).trim());
        ClusterProcesses.killMember(pid, CLUSTER.dataDir()); // kill -9 of the harness's own application

        await().atMost(Duration.ofSeconds(30)).until(() -> "srv2".equals(Chromium.attribute(browser,
                "svg.group-picture[data-group='" + GROUP + "']", "data-server")));
        assertThat(browser.executeScript("return window.sameDocument")).as("pushed, not reloaded").isEqualTo("yes");
        assertThat(browser.findElements(By.cssSelector("section.group .operation"))).as("no operation of Switchboard's")
                .isEmpty();
        assertThat(serviceAnswer()).contains("CL/Web on srv2,");
        assertThat(CLUSTER.get("/api/v1/groups/" + GROUP).body()).contains("\"current\":\"srv2\"");

        await().atMost(Duration.ofSeconds(10)).until(() -> !failoversSince(killed).isEmpty());
        assertThat(failoversSince(killed)).as("the audit trail").singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.details()).contains("srv1 → srv2");
            assertThat(e.operationId()).as("no operation of Switchboard's").isNull();
        });
        assertThat(trail.latest(200)).filteredOn(e -> !e.at().isBefore(killed))
                .as("nobody moved it").noneMatch(e -> e.action().startsWith("operation-"));
        assertThat(browser.findElements(By.linkText("Clean up failures…")))
                .as("no cleanup through the vendor API").isEmpty();
        Chromium.screenshot(browser, "clusterpro-status-after-failover-en");

        browser.get(url("/audit?action=group-failover&group=" + GROUP));
        String row = browser.findElement(By.cssSelector("#audit-events tbody tr")).getText();
        assertThat(row).as("the audit trail's page").contains("system", "group-failover", "srv1 → srv2")
                .doesNotContain("operator");
    }

    private List<AuditEvent> failoversSince(Instant since) {
        return trail.latest(200).stream().filter(e -> !e.at().isBefore(since))
                .filter(e -> e.action().equals("group-failover") && GROUP.equals(e.target())).toList();
    }

    /** Waits for a message on the page's SSE stream (a heartbeat every 5 s proves it open). */
    private void awaitLiveStream() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.executeScript(
                "return typeof htmx !== 'undefined'")));
        browser.executeScript("window.sseMessages = 0;"
                + "document.body.addEventListener('htmx:sseMessage', function () { window.sseMessages++; });");
        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) browser.executeScript(
                "return window.sseMessages")).intValue() > 0);
    }
}
