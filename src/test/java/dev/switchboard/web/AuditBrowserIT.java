package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.engine.ClusterEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After an incident: a viewer filters the timeline down to one move, sees the operator's request
 * and what the engine did during it, and opens the detail of the request, in headless Chromium.
 */
class AuditBrowserIT extends WebIT {

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
    void aViewerFiltersTheTimelineDownToOneMoveAndOpensItsDetail() {
        awaitGroupSettled(engine);
        String from = engine.snapshot().group("failover-clweb").orElseThrow().currentServer();
        String to = from.equals("srv1") ? "srv2" : "srv1";
        String change = "CHG-" + UUID.randomUUID().toString().substring(0, 6);
        String operation = move(to, change + " kernel patch");
        move(from, "CHG-back to the home server"); // a later move of the same group, to filter away

        browser = Chromium.start("en");
        Chromium.logIn(browser, url(""), "viewer", VIEWER_PASSWORD);
        browser.get(url("/audit"));

        browser.findElement(By.name("action")).sendKeys("operation-requested");
        new Select(browser.findElement(By.name("group"))).selectByValue("failover-clweb");
        browser.findElement(By.name("q")).sendKeys(change);
        browser.findElement(By.cssSelector("#audit-filter button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("action="));

        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-events tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("operator", "operation-requested", change + " kernel patch");
        assertThat(browser.getCurrentUrl()).as("the filter is in the address").contains("action=operation-requested",
                "group=failover-clweb", "q=" + change);

        rows.get(0).findElement(By.cssSelector("a.operation-link")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("operation=" + operation));
        // the link narrowed the filter; keep only the operation to see everything that happened in it
        browser.get(url("/audit?operation=" + operation));
        List<String> actions = browser.findElements(By.cssSelector("#audit-events tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(4).getText()).toList();
        assertThat(actions).contains("operation-requested", "operation-started", "operation-step",
                "operation-finished", "resource-state", "group-state");
        assertThat(browser.findElements(By.cssSelector("#audit-events tbody tr")).stream().map(WebElement::getText))
                .noneMatch(text -> text.contains("CHG-back"));
        Chromium.screenshot(browser, "audit-1-one-move-en");

        browser.findElements(By.cssSelector("#audit-events tbody tr")).stream()
                .filter(r -> r.getText().contains("operation-requested")).findFirst().orElseThrow()
                .findElement(By.cssSelector("a.event-link")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElement(By.tagName("h1")).getText()
                .startsWith("Audit event "));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Audit event ");
        assertThat(browser.findElement(By.id("event-fields")).getText()).contains("operator", "OPERATOR",
                "operation-requested", "failover-clweb", to, change + " kernel patch", operation);
        assertThat(browser.findElement(By.id("same-operation")).getText()).contains("operation-finished",
                "exec1 Online Pending → Online on " + to);
        Chromium.screenshot(browser, "audit-2-event-detail-en");

        browser.get(url("/audit?lang=ja"));
        browser.get(url("/audit?operation=" + operation));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("監査ログ");
        List<WebElement> sameMove = browser.findElements(By.cssSelector("#audit-events tbody tr"));
        assertThat(sameMove.stream().map(r -> r.findElements(By.tagName("td")).get(4).getText()).toList())
                .as("the same move's events on the Japanese page").containsAll(actions);
        assertThat(sameMove.stream().map(WebElement::getText)).anyMatch(text -> text.contains(change + " kernel patch"));
        Chromium.screenshot(browser, "audit-3-one-move-ja");
    }

    /** A move through the API as the operator; returns its operation id once it has succeeded. */
    private String move(String target, String reason) {
        String body = "{\"target\":\"" + target + "\",\"reason\":\"" + reason + "\"}";
        String auth = java.util.Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes());
        String accepted = HttpSession.plain(HttpRequest.newBuilder(URI.create(url("/api/v1/groups/failover-clweb/move")))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body();
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(accepted);
        assertThat(id.find()).as(accepted).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpSession.basic(url("/api/v1/operations/" + id.group(1)),
                "GET", "operator", OPERATOR_PASSWORD).body().contains("\"state\":\"SUCCEEDED\""));
        awaitGroupSettled(engine);
        return id.group(1);
    }
}
