package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.PacemakerWebIT;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.pacemaker.Cib;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Switchboard pointed at the real two-node Pacemaker lab (engine type pacemaker): an operator
 * moves the group through the wizard to srv2 and back in headless Chromium. The wizard's plan is
 * Pacemaker's own, the service answers from the new node, and no cli-prefer constraint remains.
 */
class PacemakerWizardBrowserIT extends PacemakerWebIT {

    @Autowired
    ClusterEngine engine;

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorMovesTheGroupThroughTheWizardOnPacemakerAndBack() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "srv1".equals(engine.snapshot().group("failover-clweb")
                .orElseThrow().currentServer()));
        browser = Chromium.start("en");
        Chromium.logIn(browser, url(""), "operator", OPERATOR_PASSWORD);

        moveTo("srv2", "pacemaker-move-1-wizard-en", "pacemaker-move-2-result-en");
        browser.get(url("/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "srv2".equals(Chromium.attribute(browser,
                "svg.group-picture[data-group='failover-clweb']", "data-server")));
        assertThat(Chromium.text(browser, "[data-resource='exec1'] .resource-state")).isEqualTo("✔ Online");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 of 1 groups Online");
        Chromium.screenshot(browser, "pacemaker-status-en");
        moveTo("srv1", null, null);

        assertThat(PacemakerLab.constraints()).noneMatch(Cib.Location::leftover);
        assertThat(engine.snapshot().group("failover-clweb").orElseThrow().currentServer()).isEqualTo("srv1");
    }

    private void moveTo(String target, String wizardShot, String resultShot) {
        browser.get(url("/groups/failover-clweb/move?target=" + target));
        assertThat(browser.findElements(By.cssSelector("table.checks .st-error"))).as("no FAIL: %s",
                browser.findElement(By.tagName("main")).getText()).isEmpty();
        String from = target.equals("srv2") ? "srv1" : "srv2";
        assertThat(browser.findElements(By.cssSelector("table.plan tr")).stream().map(WebElement::getText).toList())
                .as("Pacemaker's own plan").hasSize(6)
                .satisfies(rows -> {
                    assertThat(rows.get(0)).contains("stop exec1 on " + from);
                    assertThat(rows.get(3)).contains("start fip1 on " + target);
                    assertThat(rows.get(5)).contains("start exec1 on " + target);
                });
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("The cluster manager's own plan: Pacemaker's scheduler simulated this move");
        if (wizardShot != null) {
            Chromium.screenshot(browser, wizardShot);
        }
        browser.findElement(By.name("reason")).sendKeys("CHG-7 Pacemaker lab");
        browser.findElement(By.name("confirmation")).sendKeys("failover-clweb");
        browser.findElements(By.name("acknowledge")).forEach(WebElement::click);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> browser.findElement(
                    By.cssSelector("#operation .state")).getText().equals("Succeeded"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the move did not succeed: " + browser.findElement(By.tagName("main")).getText(), e);
        }
        assertThat(Chromium.text(browser, "#operation")).contains("Online on " + target, "verified:",
                "answered 200 with “CL/Web on " + target + ",”");
        if (resultShot != null) {
            Chromium.screenshot(browser, resultShot);
        }
    }
}
