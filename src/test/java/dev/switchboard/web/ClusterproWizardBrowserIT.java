package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterproWebIT;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Switchboard with the clusterpro engine moves the group of another cluster through the vendor's
 * REST API (over HTTPS), from the move wizard in headless Chromium: preflight, plan, reason,
 * confirmation, the result page following the move live, the verification at the floating
 * address. The cluster itself (the first Switchboard) then reports the group on srv2 through its
 * own API, and this Switchboard's audit trail has the move. Then back home the same way.
 */
class ClusterproWizardBrowserIT extends ClusterproWebIT {

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
    void anOperatorMovesTheOtherClustersGroupThroughTheVendorApiAndBack() {
        browser = Chromium.start("en");
        Chromium.logIn(browser, url(""), "operator", OPERATOR_PASSWORD);

        String id = moveTo("srv2", "CHG-15 CLUSTERPRO maintenance", "clusterpro-move-1-wizard-en",
                "clusterpro-move-2-result-en");

        assertThat(serviceAnswer()).as("the floating address, served by the cluster").contains("CL/Web on srv2,");
        assertThat(CLUSTER.get("/api/v1/groups/" + GROUP).body()).as("the cluster's own API")
                .contains("\"status\":\"Online\"", "\"current\":\"srv2\"");
        assertThat(trail.ofOperation(id)).as("this Switchboard's audit trail").extracting(AuditEvent::action)
                .contains("operation-requested", "operation-check", "operation-started", "operation-finished");
        assertThat(trail.ofOperation(id)).filteredOn(e -> e.action().equals("operation-requested")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("operator");
                    assertThat(e.details()).contains("srv2", "CHG-15 CLUSTERPRO maintenance");
                });
        assertThat(trail.ofOperation(id)).filteredOn(e -> e.action().equals("operation-finished")).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("SUCCESS"));
        browser.get(url("/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "srv2".equals(Chromium.attribute(browser,
                "svg.group-picture[data-group='" + GROUP + "']", "data-server")));
        Chromium.screenshot(browser, "clusterpro-status-en");

        moveTo("srv1", "CHG-15 back home", null, null);
        assertThat(serviceAnswer()).contains("CL/Web on srv1,");
        assertThat(CLUSTER.get("/api/v1/groups/" + GROUP).body()).contains("\"current\":\"srv1\"");
    }

    /** Moves the group through the wizard and returns the operation's id once the result page says Succeeded. */
    private String moveTo(String target, String reason, String wizardShot, String resultShot) {
        String from = target.equals("srv2") ? "srv1" : "srv2";
        browser.get(url("/"));
        browser.findElement(By.linkText("Move…")).click();
        if (!browser.findElement(By.tagName("h1")).getText().endsWith(" to " + target)) {
            assertThat(browser.findElements(By.linkText(target))).as("the wizard offers %s: %s", target,
                    browser.findElement(By.tagName("main")).getText()).isNotEmpty();
            browser.findElement(By.linkText(target)).click();
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(browser.findElement(By.tagName("main"))
                .getText()).endsWith(" to " + target);
        String wizard = browser.findElement(By.tagName("main")).getText();
        assertThat(browser.findElements(By.cssSelector("table.checks tr"))).as("the preflight checks").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("table.checks .st-error"))).as("no FAIL: %s", wizard).isEmpty();
        assertThat(browser.findElements(By.cssSelector("table.plan tr")).stream().map(WebElement::getText).toList())
                .as("the plan").isNotEmpty()
                .anySatisfy(step -> assertThat(step).contains("stop", from))
                .anySatisfy(step -> assertThat(step).contains("start", target));
        assertThat(wizard).as("the overlay's impact notes").contains("must log in again");
        if (wizardShot != null) {
            Chromium.screenshot(browser, wizardShot);
        }
        browser.findElement(By.name("reason")).sendKeys(reason);
        browser.findElement(By.name("confirmation")).sendKeys(GROUP);
        browser.findElements(By.name("acknowledge")).forEach(WebElement::click);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl()
                .contains("/operations/") && !browser.findElements(By.cssSelector("#operation .state")).isEmpty());
        browser.executeScript("window.sameDocument = 'yes'");
        Set<String> states = new LinkedHashSet<>();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                String state = Chromium.text(browser, "#operation .state");
                if (state != null) {
                    states.add(state);
                }
                return states.contains("Succeeded") || states.contains("Failed");
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the move did not finish; the browser shows " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("main")).getText(), e);
        }
        String result = Chromium.text(browser, "#operation");
        assertThat(states).as("the result page: %s", result).endsWith("Succeeded");
        assertThat(states).as("followed live, from an unfinished state").hasSizeGreaterThan(1);
        assertThat(browser.executeScript("return window.sameDocument")).as("pushed, not reloaded").isEqualTo("yes");
        assertThat(result).contains("Online on " + target, "verified:",
                "answered 200 with “CL/Web on " + target + ",”", reason, "operation-started", "operation-finished");
        if (resultShot != null) {
            Chromium.screenshot(browser, resultShot);
        }
        String address = browser.getCurrentUrl();
        return address.substring(address.lastIndexOf('/') + 1).replaceAll("[?#].*", "");
    }
}
