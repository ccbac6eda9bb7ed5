package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterproWebIT;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the vendor API cannot do, the pages of Switchboard with the clusterpro engine show as
 * unavailable instead of offering it and failing: a server's standby and the cleanup of recorded
 * failures, on the status page and on the confirmation page an old link may still open.
 */
class ClusterproFeaturesBrowserIT extends ClusterproWebIT {

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
    void standbyAndCleanupShowAsUnavailableInsteadOfBeingOffered() {
        assertThat(engine.features()).as("the engine says what it lacks")
                .doesNotContain(EngineFeature.SERVER_STANDBY, EngineFeature.CLEANUP_FAILURES);
        browser = Chromium.start("en");
        Chromium.logIn(browser, url(""), "admin", ADMIN_PASSWORD);
        browser.get(url("/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("svg.group-picture"))
                .isEmpty());

        assertThat(browser.findElements(By.linkText("Move…"))).as("what the API can do is offered").isNotEmpty();
        assertThat(browser.findElements(By.linkText("Standby…"))).as("no standby offered").isEmpty();
        assertThat(browser.findElements(By.linkText("Clean up failures…"))).as("no cleanup offered").isEmpty();
        assertThat(Chromium.text(browser, "[data-unavailable='SERVER_STANDBY']")).as("standby shown as unavailable")
                .isNotBlank();
        Chromium.screenshot(browser, "clusterpro-features-en");

        for (String kind : new String[] {"SERVER_STANDBY", "CLEANUP_FAILURES"}) {
            String subject = kind.equals("SERVER_STANDBY") ? "srv2" : GROUP;
            browser.get(url("/operations/new?kind=" + kind + "&subject=" + subject));
            assertThat(Chromium.text(browser, "main .unavailable")).as("%s on its confirmation page", kind)
                    .isNotBlank();
            assertThat(browser.findElements(By.cssSelector("main form button[type=submit]")))
                    .as("%s cannot be submitted", kind).isEmpty();
        }
    }
}
