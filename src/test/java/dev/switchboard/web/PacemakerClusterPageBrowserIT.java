package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.PacemakerWebIT;
import dev.switchboard.engine.pacemaker.PacemakerCommands;
import dev.switchboard.engine.pacemaker.PacemakerLab;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole-cluster page on the real three-node lab in headless Chromium: every node, the group
 * with its members, the promotable clone (one Promoted, the others Unpromoted), the plain clone on
 * every node, the standalone primitive and the fencing device; the standalone primitive's page
 * explains its placement with numbers. Then the lab fences srv3: the open page shows, without a
 * reload, srv3 not online and the fencing in the history; srv3 rejoins and shows online again.
 * The lab is left as found (report back on srv3, no constraint added by the test).
 */
class PacemakerClusterPageBrowserIT extends PacemakerWebIT {

    private final PacemakerCommands lab = PacemakerLab.commands();
    private ChromeDriver browser;
    private boolean fenced;

    @AfterEach
    void leaveTheLabAsFound() {
        if (browser != null) {
            browser.quit();
        }
        if (fenced) {
            PacemakerLab.rejoin(PacemakerLab.SRV3);
        }
        reportBackOnSrv3();
    }

    @Test
    void theWholeLabThenAFencedNodeLiveAndBack() {
        reportBackOnSrv3();
        screenshotInJapanese();
        browser = Chromium.start("en");
        Chromium.logIn(browser, url(""), "operator", OPERATOR_PASSWORD);
        browser.get(url("/cluster"));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            for (String node : PacemakerLab.NODES) {
                assertThat(Chromium.text(browser, "details.nodes tr[data-node='" + node + "'] .state")).isEqualTo("online");
            }
        });
        assertThat(browser.findElements(By.cssSelector(".nodes-not-online"))).isEmpty();
        assertThat(rowIds("GROUP")).containsSubsequence(PacemakerLab.GROUP, "fip1", "disk1", "exec1");
        assertThat(marks(PacemakerLab.PROMOTABLE)).containsExactlyInAnyOrder("Promoted on " + PacemakerLab.PROMOTED_HOME,
                "Unpromoted on srv1", "Unpromoted on srv3");
        assertThat(marks(PacemakerLab.CLONE)).containsExactlyInAnyOrder("Started on srv1", "Started on srv2",
                "Started on srv3");
        assertThat(rowIds("PRIMITIVE")).contains(PacemakerLab.STANDALONE);
        assertThat(marks(PacemakerLab.STANDALONE)).containsExactly("Started on srv3");
        assertThat(rowIds("FENCING")).containsExactly(PacemakerLab.FENCE_DEVICE);
        clickFresh(browser, "details.nodes summary"); // the screenshot opens at the matrix
        Chromium.screenshot(browser, "pacemaker-cluster-en");

        browser.get(url("/cluster/resources/" + PacemakerLab.STANDALONE));
        WebElement srv3 = browser.findElement(By.cssSelector("#placement tr[data-node='srv3']"));
        assertThat(srv3.getAttribute("data-runs-here")).isEqualTo("true");
        assertThat(srv3.findElement(By.cssSelector(".reasons")).getText())
                .contains("location " + PacemakerLab.STANDALONE_LOCATION + " 50", "stickiness " + PacemakerLab.STICKINESS);
        assertThat(Chromium.text(browser, "#placement")).contains("colocation " + PacemakerLab.STANDALONE_COLOCATION)
                .doesNotContain("not explained");
        browser.executeScript("document.getElementById('placement').scrollIntoView();");
        Chromium.screenshot(browser, "pacemaker-placement-en");

        browser.get(url("/cluster"));
        browser.executeScript("window.sbNotReloaded = true;");
        fenced = true;
        PacemakerLab.fence(PacemakerLab.SRV3);
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            assertThat(Chromium.text(browser, ".nodes-not-online [data-node='srv3']")).startsWith("srv3 ")
                    .doesNotContain("online");
            assertThat(fencingRows()).anySatisfy(row -> assertThat(row).startsWith("srv3 reboot").contains("success"));
        });
        assertThat(browser.executeScript("return window.sbNotReloaded === true;")).as("no reload").isEqualTo(true);
        assertThat(Chromium.text(browser, "tbody[data-kind='FENCING'] .last-fencing")).contains("srv3", "reboot");

        PacemakerLab.rejoin(PacemakerLab.SRV3);
        fenced = false;
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.findElements(By.cssSelector(".nodes-not-online"))).isEmpty();
            assertThat(Chromium.text(browser, "details.nodes tr[data-node='srv3'] .state")).isEqualTo("online");
        });
        assertThat(browser.executeScript("return window.sbNotReloaded === true;")).as("no reload").isEqualTo(true);
    }

    /** Clicks what the selector finds now: a live refresh may replace the element between finding and clicking it. */
    private static void clickFresh(org.openqa.selenium.WebDriver driver, String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                driver.findElement(By.cssSelector(css)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private void screenshotInJapanese() {
        ChromeDriver ja = Chromium.start("ja");
        try {
            Chromium.logIn(ja, url(""), "operator", OPERATOR_PASSWORD);
            ja.get(url("/cluster"));
            clickFresh(ja, "details.nodes summary");
            Chromium.screenshot(ja, "pacemaker-cluster-ja");
        } finally {
            ja.quit();
        }
    }

    private List<String> rowIds(String kind) {
        return browser.findElements(By.cssSelector("tbody[data-kind='" + kind + "'] tr[data-resource]")).stream()
                .map(r -> r.getAttribute("data-resource")).toList();
    }

    private List<String> marks(String resource) {
        return browser.findElements(By.cssSelector("tr[data-resource='" + resource + "'] td.cell .mark")).stream()
                .map(m -> m.getAttribute("title")).toList();
    }

    private List<String> fencingRows() {
        return browser.findElements(By.cssSelector("section.fencing tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** report prefers srv3 (50) but stickiness (100) keeps it where a fencing sent it: move it home, clear the move. */
    private void reportBackOnSrv3() {
        if (runsOnSrv3()) {
            return;
        }
        lab.run("srv1", "crm_resource", "--move", "--resource", PacemakerLab.STANDALONE, "--node", PacemakerLab.SRV3);
        try {
            await().atMost(Duration.ofSeconds(30)).until(this::runsOnSrv3);
        } finally {
            lab.run("srv1", "crm_resource", "--clear", "--resource", PacemakerLab.STANDALONE);
        }
    }

    private boolean runsOnSrv3() {
        return lab.attempt("srv1", "crm_resource", "--locate", "--resource", PacemakerLab.STANDALONE).stdout()
                .contains("is running on: " + PacemakerLab.SRV3);
    }
}
