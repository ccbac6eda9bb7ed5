package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.WebIT;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.MonitorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In headless Chromium: a viewer logs in, sees the group drawn on srv1, the application is
 * killed with kill -9, and the picture moves to srv2 on the open page without a reload.
 */
class StatusPageBrowserIT extends WebIT {

    private static final String EXEC1_STATE = "[data-resource='exec1'] .resource-state";

    @Autowired
    ClusterEngine engine;

    ChromeDriver browser;

    @BeforeEach
    void groupOnItsHomeServer() {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.snapshot().group("failover-clweb").orElseThrow()
                .state() == ActivationState.ONLINE);
        if (!"srv1".equals(engine.snapshot().group("failover-clweb").orElseThrow().currentServer())) {
            engine.moveGroup("failover-clweb", "srv1");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.snapshot().monitor("psw1").orElseThrow()
                .on("srv1").orElseThrow().state() == MonitorState.NORMAL);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerSeesTheGroupMoveToSrv2AfterKillMinus9WithoutAReload() throws Exception {
        List<GroupStateChanged> changes = new CopyOnWriteArrayList<>();
        engine.addListener(e -> {
            if (e instanceof GroupStateChanged g) {
                changes.add(g);
            }
        });
        browser = Chromium.start("en");
        logIn("viewer", VIEWER_PASSWORD);

        assertThat(pictureServer()).isEqualTo("srv1");
        assertThat(Chromium.text(browser, EXEC1_STATE)).isEqualTo("✔ Online");
        awaitLiveStream();
        browser.executeScript("window.sameDocument = 'yes'");

        long pid = Long.parseLong(Files.readString(Path.of(DATA_DIR,
                "servers/srv1/usr/local/jcclweb/run/clweb_serv.pid")).trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9

        Instant seen = awaitPictureOn("srv2");
        assertThat(browser.executeScript("return window.sameDocument")).as("no reload").isEqualTo("yes");
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.stream()
                .anyMatch(c -> c.to() == ActivationState.ONLINE && "srv2".equals(c.server())));
        Instant online = changes.stream().filter(c -> c.to() == ActivationState.ONLINE && "srv2".equals(c.server()))
                .map(GroupStateChanged::at).findFirst().orElseThrow();
        assertThat(Duration.between(online, seen)).as("on screen after the change")
                .isPositive().isLessThan(Duration.ofSeconds(1));
        assertThat(Chromium.text(browser, ".reason")).contains("failed over from srv1 to srv2");
        Chromium.screenshot(browser, "status-after-failover-en");
    }

    @Test
    void screenshotsOfTheRealPagesInEnglishAndJapanese() {
        for (String language : List.of("en", "ja")) {
            browser = Chromium.start(language);
            boolean ja = language.equals("ja");
            browser.get(url("/login?lang=" + language));
            assertThat(heading()).isEqualTo(ja ? "Switchboard にログイン" : "Log in to Switchboard");
            assertThat(browser.findElements(By.name("username"))).hasSize(1);
            Chromium.screenshot(browser, "login-" + language);
            logIn("admin", ADMIN_PASSWORD);
            assertThat(pictureServer()).isEqualTo("srv1");
            assertThat(heading()).isEqualTo(ja ? "クラスタ clweb-cluster" : "Cluster clweb-cluster");
            assertThat(mainText()).contains(ja ? "1 グループ中 1 が Online" : "1 of 1 groups Online");
            assertThat(Chromium.text(browser, EXEC1_STATE)).isEqualTo("✔ Online");
            Chromium.screenshot(browser, "status-" + language);
            browser.get(url("/resources/exec1"));
            assertThat(heading()).startsWith(ja ? "exec1（exec）" : "exec1 (exec)").endsWith("Online");
            assertThat(settingRows()).as("an ADMIN sees the script's absolute path").contains(
                    (ja ? "開始スクリプト " : "Start script ") + Path.of("config/scripts/start.sh").toAbsolutePath().normalize(),
                    (ja ? "スクリプトのタイムアウト 30s" : "Script timeout 30s"));
            Chromium.screenshot(browser, "resource-" + language);
            browser.get(url("/admin"));
            assertThat(heading()).isEqualTo(ja ? "管理" : "Administration");
            assertThat(mainText()).contains("viewer", "operator", "admin", "VIEWER", "OPERATOR", "ADMIN");
            Chromium.screenshot(browser, "admin-" + language);
            browser.get(url("/groups/failover-clweb/move"));
            assertThat(heading()).isEqualTo(ja ? "failover-clweb を srv1 から srv2 へ移動"
                    : "Move failover-clweb from srv1 to srv2");
            assertThat(browser.findElements(By.cssSelector("table.checks .st-error"))).as("no FAIL").isEmpty();
            assertThat(browser.findElements(By.cssSelector("table.plan tr")).stream().map(WebElement::getText).toList())
                    .hasSize(6).satisfies(steps -> {
                        assertThat(steps.get(0)).contains("exec1", "srv1");
                        assertThat(steps.get(5)).contains("exec1", "srv2");
                    });
            Chromium.screenshot(browser, "move-wizard-" + language);
            browser.get(url("/audit"));
            assertThat(browser.findElements(By.cssSelector("#audit-events tbody tr"))).as("the trail's events")
                    .isNotEmpty();
            Chromium.screenshot(browser, "audit-" + language);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.equals("ja") ? "監査ログ" : "Audit trail");
            browser.quit();
            browser = null;
        }
    }

    @Test
    void screenshotsOfAServerInStandby() {
        browser = Chromium.start("en");
        logIn("operator", OPERATOR_PASSWORD);
        browser.get(url("/operations/new?kind=SERVER_STANDBY&subject=srv1"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Groups running on srv1 now: failover-clweb");
        Chromium.screenshot(browser, "standby-1-confirm-en");
        try {
            engine.standby("srv1", true);
            browser.get(url("/"));
            await().atMost(Duration.ofSeconds(10)).until(() -> "srv2".equals(pictureServer()));
            assertThat(browser.findElement(By.cssSelector("nav.controls")).getText()).contains("Back online…");
            assertThat(Chromium.text(browser, "g.server[data-server='srv1'] text.standby"))
                    .isEqualTo("in standby: runs no group until it is back online");
            Chromium.screenshot(browser, "standby-2-status-en");
        } finally {
            engine.standby("srv1", false);
            groupHome(engine);
        }
    }

    private void logIn(String name, String password) {
        Chromium.logIn(browser, url(""), name, password);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("svg.group-picture"))
                .isEmpty());
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private String mainText() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** Each row of the settings table as "label value". */
    private List<String> settingRows() {
        return browser.findElements(By.cssSelector("table.settings-table tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    private String pictureServer() {
        return Chromium.attribute(browser, "svg.group-picture[data-group='failover-clweb']", "data-server");
    }

    /** Counts the messages the page receives over SSE; a heartbeat (every 5 s) proves the stream is open. */
    private void awaitLiveStream() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.executeScript(
                "return typeof htmx !== 'undefined'")));
        browser.executeScript("window.sseMessages = 0;"
                + "document.body.addEventListener('htmx:sseMessage', function () { window.sseMessages++; });");
        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) browser.executeScript(
                "return window.sseMessages")).intValue() > 0);
    }

    /** When the picture shows the group on {@code server} with the application Online there. */
    private Instant awaitPictureOn(String server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.equals(pictureServer()) && "✔ Online".equals(Chromium.text(browser, EXEC1_STATE))) {
                return Instant.now();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the picture never showed the group Online on " + server + "; it shows "
                + pictureServer());
    }
}
