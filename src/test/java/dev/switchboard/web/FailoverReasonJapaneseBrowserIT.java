package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.WebIT;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.MonitorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In headless Chromium on a Japanese page: the demo application is killed with kill -9, and the
 * failover reason the page receives over its live stream (no reload) reads in Japanese, down to
 * the monitor's finding inside it.
 */
class FailoverReasonJapaneseBrowserIT extends WebIT {

    @Autowired
    ClusterEngine engine;

    ChromeDriver browser;

    @BeforeEach
    void groupOnItsHomeServerAndWatched() {
        groupHome(engine);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.snapshot().monitor("psw1").orElseThrow()
                .on("srv1").orElseThrow().state() == MonitorState.NORMAL);
    }

    @AfterEach
    void closeBrowserAndGoHome() {
        if (browser != null) {
            browser.quit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.snapshot().group("failover-clweb").orElseThrow()
                .state() == ActivationState.ONLINE);
        groupHome(engine);
    }

    @Test
    void afterKillMinus9TheFailoverReasonReadsInJapaneseOnTheOpenPage() throws Exception {
        browser = Chromium.start("ja");
        Chromium.logIn(browser, url(""), "viewer", VIEWER_PASSWORD);
        browser.get(url("/?lang=ja"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("svg.group-picture"))
                .isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("クラスタ clweb-cluster");
        awaitLiveStream();
        browser.executeScript("window.sameDocument = 'yes'");

        long pid = Long.parseLong(Files.readString(Path.of(DATA_DIR,
                "servers/srv1/usr/local/jcclweb/run/clweb_serv.pid")).trim());
        ClusterProcesses.killMember(pid, Path.of(DATA_DIR)); // kill -9 of this test's own application

        await().atMost(Duration.ofSeconds(15)).until(() -> "srv2".equals(Chromium.attribute(browser,
                "svg.group-picture[data-group='failover-clweb']", "data-server")));
        await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(Chromium.text(browser, "section.group .reason"))
                .contains("srv2"));
        String reason = Chromium.text(browser, "section.group .reason");
        assertThat(browser.executeScript("return window.sameDocument")).as("pushed, not reloaded").isEqualTo("yes");
        assertThat(reason).isEqualTo("srv1 から srv2 へフェイルオーバーしました：psw1 が srv1 で異常を検出しました："
                + "srv1 で「clweb_serv*」に一致するプロセスは 0 個です（最低 1 個）");
        assertThat(reason).doesNotContain("failed over", "found an error", "processes matching");
        assertThat(engine.snapshot().group("failover-clweb").orElseThrow().reason().english())
                .as("the record stays English").startsWith("failed over from srv1 to srv2: psw1 found an error on srv1");
        Chromium.screenshot(browser, "status-after-failover-ja");
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
