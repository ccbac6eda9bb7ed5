package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.WebIT;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator moves the group through the wizard to the other server and back, in headless Chromium. */
class MoveWizardBrowserIT extends WebIT {

    @Autowired
    ClusterEngine engine;

    ChromeDriver browser;

    @BeforeEach
    void settled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.snapshot().group("failover-clweb").orElseThrow()
                .state() == ActivationState.ONLINE && engine.snapshot().group("failover-clweb").orElseThrow()
                .operation() == null);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorMovesTheGroupThereAndBack() {
        String home = engine.snapshot().group("failover-clweb").orElseThrow().currentServer();
        String other = home.equals("srv1") ? "srv2" : "srv1";
        browser = Chromium.start("en");
        Chromium.logIn(browser, url(""), "operator", OPERATOR_PASSWORD);

        moveTo(other, "CHG-100 <b>maintenance</b>", "move-1-wizard-en", "move-2-result-en");
        browser.get(url("/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> other.equals(Chromium.attribute(browser,
                "svg.group-picture", "data-server")));

        moveTo(home, "CHG-100 back", null, null);
        assertThat(engine.snapshot().group("failover-clweb").orElseThrow().currentServer()).isEqualTo(home);
    }

    private void moveTo(String target, String reason, String wizardShot, String resultShot) {
        browser.findElement(By.linkText("Move…")).click();
        if (!browser.findElement(By.tagName("h1")).getText().endsWith(" to " + target)) {
            browser.findElement(By.linkText(target)).click();
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith(" to " + target);
        assertThat(browser.findElements(By.cssSelector("table.checks .st-error"))).as("no FAIL").isEmpty();
        if (wizardShot != null) {
            assertThat(browser.findElements(By.cssSelector("table.checks tr"))).as("the preflight checks").isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("table.plan tr")).stream().map(WebElement::getText).toList())
                    .as("the plan").hasSize(6).satisfies(steps -> {
                        assertThat(steps.get(0)).contains("stop exec1 on " + (target.equals("srv1") ? "srv2" : "srv1"));
                        assertThat(steps.get(5)).contains("start exec1 on " + target);
                    });
            Chromium.screenshot(browser, wizardShot);
        }
        browser.findElement(By.name("reason")).sendKeys(reason);
        browser.findElement(By.name("confirmation")).sendKeys("failover-clweb");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> browser.findElement(
                    By.cssSelector("#operation .state")).getText().equals("Succeeded"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the move did not succeed; the browser shows " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("main")).getText(), e);
        }
        assertThat(Chromium.text(browser, "#operation")).contains("verified:", "client-visible outage",
                reason);
        if (resultShot != null) {
            assertThat(Chromium.text(browser, "#operation .state")).isEqualTo("Succeeded");
            assertThat(Chromium.text(browser, "#operation")).contains("Online on " + target);
            Chromium.screenshot(browser, resultShot);
        }
        browser.get(url("/"));
    }
}
