package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.WebIT;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditEvent;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ServerAccess;
import dev.switchboard.engine.embedded.FloatingAddressProber;
import dev.switchboard.operations.Operation;
import dev.switchboard.operations.Operations;
import dev.switchboard.rollout.AbandonRun;
import dev.switchboard.rollout.Rollout;
import dev.switchboard.rollout.Rollouts;
import dev.switchboard.rollout.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole rolling-update walkthrough in headless Chromium, from CL/Web 1.0 to 1.1 on the demo
 * cluster, while a client keeps asking the floating address every 20 ms: it must get answers
 * throughout, except during the two switchovers, whose outage the report shows.
 */
class RolloutBrowserIT extends WebIT {

    private static final String GROUP = "failover-clweb";
    private static final String VERSION_FILE = "/usr/local/jcclweb/VERSION";
    private static final String CONFIG = "/usr/local/jcclweb/config";
    private static final String SHARED_CONFIG = "/mnt/export/config";

    @Autowired
    ClusterEngine engine;

    @Autowired
    ServerAccess servers;

    @Autowired
    Rollouts rollouts;

    @Autowired
    AbandonRun abandon;

    @Autowired
    Operations operations;

    @Autowired
    AuditTrail trail;

    ChromeDriver browser;

    @BeforeEach
    void groupHomeAndNoOpenRun() {
        rollouts.openRunOf(GROUP).ifPresent(run -> {
            await().atMost(Duration.ofSeconds(90)).until(() -> !rollouts.updateRunning(run));
            abandon.abandon(run.id(), "test clean-up", new AuditActor("operator", "OPERATOR", null));
        });
        groupHome(engine);
    }

    @AfterEach
    void closeBrowserAndRelink() {
        if (browser != null) {
            browser.quit();
        }
        // a run cut short leaves an installer's local config folder, which would fail other tests' link checks
        for (String server : List.of("srv1", "srv2")) {
            if (!servers.linkTarget(server, CONFIG).equals(Optional.of(SHARED_CONFIG))) {
                servers.relink(server, CONFIG, SHARED_CONFIG, Path.of(DATA_DIR, "kept-by-test"));
            }
        }
    }

    @Test
    void anOperatorUpdatesBothServersWhileTheServiceAnswersExceptDuringTheTwoSwitchovers() throws Exception {
        assertThat(servers.readFile("srv1", VERSION_FILE)).contains("1.0");
        assertThat(servers.readFile("srv2", VERSION_FILE)).contains("1.0");
        String runId;
        List<FloatingAddressProber.Outage> outages;
        try (FloatingAddressProber prober = new FloatingAddressProber("127.0.0.23", 18081)) {
            browser = Chromium.start("en");
            login("operator", OPERATOR_PASSWORD);
            browser.get(url("/rollouts"));
            browser.findElement(By.name("title")).sendKeys("CL/Web 1.0 → 1.1");
            browser.findElement(By.name("version")).sendKeys("1.1");
            browser.findElement(By.cssSelector("form[action='/rollouts'] button")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().matches(".*/rollouts/[0-9a-f-]{36}"));
            runId = browser.getCurrentUrl().replaceAll(".*/rollouts/", "");

            signOff(0, "both servers Online, no operation; change CHG-2026-311", "rollout-1-precheck-en");

            assertThat(check(1, "version")).isEqualTo("FAIL");
            updateInTheBackground();
            signOff(1, "installer 1.1 on srv2", "rollout-2-update-en");

            assertThat(check(2, "link")).as("the installer left a local config folder").isEqualTo("FAIL");
            shoot(2, "rollout-3-relink-needed-en");
            click(2, "form.action-relink button");
            signOff(2, "config relinked", null);

            switchOver(3, "srv2");
            signOff(3, "users on srv2, version 1.1", null);

            click(4, "form.action-update button");
            signOff(4, "installer 1.1 on srv1", null);
            assertThat(check(5, "link")).isEqualTo("FAIL");
            click(5, "form.action-relink button");
            signOff(5, "", null);

            switchOver(6, "srv1");
            signOff(6, "back home", null);
            signOff(7, "all green; change closed", null);
            assertThat(browser.findElement(By.cssSelector("main > p .state")).getText()).isEqualTo("Completed");

            Thread.sleep(500); // a few answers from after the run
            outages = prober.outages();
            assertThat(prober.goodAnswers()).isGreaterThan(100);
        }

        Rollout run = rollouts.find(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(Rollout.State.COMPLETED);
        assertThat(run.steps()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepRecord.State.DONE));
        List<Operation> switchovers = operations.partOf(runId);
        assertThat(switchovers).hasSize(2).extracting(Operation::target).containsExactly("srv2", "srv1");

        // the service answered throughout, except during the two switchovers
        assertThat(outages).as("outages seen by the client: %s", outages).isNotEmpty().allSatisfy(outage ->
                assertThat(switchovers).as("%s falls within a switchover", outage).anySatisfy(move -> {
                    assertThat(outage.from()).isAfterOrEqualTo(move.startedAt());
                    assertThat(outage.to()).isBeforeOrEqualTo(move.finishedAt());
                }));
        assertThat(switchovers).allSatisfy(move -> assertThat(outages).as("an outage during %s", move.id())
                .anySatisfy(outage -> assertThat(outage.from()).isBetween(move.startedAt(), move.finishedAt())));
        assertThat(dev.switchboard.HttpSession.plain(java.net.http.HttpRequest.newBuilder(java.net.URI.create(FIP + "/"))
                .build()).body()).contains("CL/Web on srv1, version 1.1");

        // the report shows both switchovers' outage, the total and the sign-offs
        browser.findElement(By.linkText("Printable report")).click();
        String report = browser.findElement(By.tagName("main")).getText();
        for (Operation move : switchovers) {
            assertThat(report).contains("Client-visible outage " + move.outage().toMillis() + " ms (move " + move.id());
        }
        assertThat(report).contains("Client-visible outage (both switchovers)",
                run.totalOutage().orElseThrow().toMillis() + " ms", "Total duration", "all green; change closed",
                "Installed on srv1: version 1.0 (target 1.1).", "srv2 has version 1.1 installed.");
        Chromium.screenshot(browser, "rollout-5-report-en");

        List<AuditEvent> events = trail.ofOperation(runId);
        assertThat(events.stream().map(AuditEvent::action).filter(a -> a.equals("rollout-step-done"))).hasSize(8);
        assertThat(events.stream().map(AuditEvent::action).toList()).containsSubsequence("rollout-created",
                "rollout-step-done", "rollout-update-started", "rollout-update-finished", "rollout-step-done",
                "rollout-relinked", "rollout-step-done", "rollout-step-done", "rollout-update-started",
                "rollout-update-finished", "rollout-step-done", "rollout-relinked", "rollout-step-done",
                "rollout-step-done", "rollout-step-done", "rollout-completed");
        Path kept = Path.of(DATA_DIR, "rollouts", runId).toAbsolutePath();
        try (var copies = Files.walk(kept)) {
            List<Path> confs = copies.filter(p -> p.getFileName().toString().equals("clweb.conf")).toList();
            assertThat(confs).as("the local config folders the installer made are kept").hasSize(2)
                    .allSatisfy(p -> assertThat(Files.readString(p)).contains("CL/Web 1.1 default configuration"));
        }
        assertThat(servers.linkTarget("srv1", "/usr/local/jcclweb/config")).contains("/mnt/export/config");
        assertThat(servers.linkTarget("srv2", "/usr/local/jcclweb/config")).contains("/mnt/export/config");

        browser.quit();
        browser = Chromium.start("ja");
        login("operator", OPERATOR_PASSWORD);
        browser.get(url("/rollouts/" + runId + "/report"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("報告書");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("利用者から見た停止（2回の切り替えの合計）",
                run.totalOutage().orElseThrow().toMillis() + " ms", "all green; change closed");
        Chromium.screenshot(browser, "rollout-6-report-ja");
        browser.get(url("/rollouts/" + runId));
        assertThat(Chromium.text(browser, "#update-command-1 .command-state"))
                .startsWith("srv2 の更新コマンドは終了コード 0 で終わりました").contains("operator が");
    }

    /**
     * Step 1's update command (the test cluster's installer prints a line a second for 3 s): the
     * click comes back at once with the command running, its output grows on the page while it
     * runs, a second click is refused, and when it ends the checks and versions refresh in place.
     */
    private void updateInTheBackground() {
        long clicked = System.nanoTime();
        click(1, "form.action-update button");
        assertThat(Duration.ofNanos(System.nanoTime() - clicked)).as("the page came back before the 3 s command ended")
                .isLessThan(Duration.ofMillis(2500));
        assertThat(command(1)).startsWith("RUNNING\nThe update command is running on srv2: started by operator");

        step(1).findElement(By.cssSelector("form.action-update button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> errorText().contains(
                "The update command is still running on srv2 (started by operator); wait until it has finished"));
        browser.executeScript("window.notReloaded = true");

        List<String> whileRunning = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String now = command(1);
            if (now.startsWith("RUNNING")) {
                whileRunning.add(now);
            }
            return now.startsWith("SUCCEEDED");
        });
        assertThat(whileRunning).as("output seen while the command ran").anySatisfy(seen ->
                assertThat(seen).contains("slow-update: unpacking CL/Web 1.1").doesNotContain("updated from"));
        assertThat(whileRunning).anySatisfy(seen -> assertThat(seen).contains("slow-update: checking srv2"));
        assertThat(command(1)).contains("The update command on srv2 finished with exit code 0 after",
                "slow-update: installing the program files", "update.sh: CL/Web on srv2 updated from 1.0 to 1.1");
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> "PASS".equals(check(1, "version"))
                && Chromium.text(browser, ".versions span[data-server='srv2']").equals("srv2: 1.1"));
        assertThat(browser.executeScript("return window.notReloaded === true")).as("refreshed in place").isEqualTo(true);
    }

    private void login(String name, String password) {
        Chromium.logIn(browser, url(""), name, password);
    }

    private WebElement step(int step) {
        return browser.findElement(By.cssSelector("li[data-step='" + step + "']"));
    }

    /** The verdict of a check of the current step, as the page shows it now. */
    private String check(int step, String id) {
        return Chromium.attribute(browser, "li[data-step='" + step + "'] tr[data-check='" + id + "']", "data-verdict");
    }

    private void click(int step, String selector) {
        step(step).findElement(By.cssSelector(selector)).click();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> step(step).isDisplayed());
        assertThat(browser.findElements(By.id("error"))).as("no refusal: %s", errorText()).isEmpty();
    }

    /** Waits until the live checks pass, then signs off; the step must end Done. */
    private void signOff(int step, String note, String screenshot) {
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> step(step)
                    .findElements(By.cssSelector("table.checks tr[data-verdict='FAIL']")).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("step " + step + " still fails a check: " + step(step).getText(), e);
        }
        if (screenshot != null) {
            assertThat(step(step).findElement(By.cssSelector(".step-state")).getText()).as(screenshot).isEqualTo("Current");
            assertThat(step(step).findElements(By.cssSelector("table.checks tr[data-verdict]"))).as("%s: checks", screenshot)
                    .isNotEmpty();
            shoot(step, screenshot);
        }
        step(step).findElement(By.cssSelector("form.sign-off input[name=note]")).sendKeys(note);
        step(step).findElement(By.cssSelector("form.sign-off button")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                step(step).findElement(By.cssSelector(".step-state")).getText().equals("Done"));
    }

    /** Opens the move wizard from the step, confirms, follows the move and comes back to the run. */
    private void switchOver(int step, String target) {
        step(step).findElement(By.cssSelector("a.action-switch")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElement(By.tagName("h1"))
                .getText().endsWith(" to " + target));
        assertThat(browser.findElement(By.name("reason")).getDomProperty("value")).startsWith("Rolling update “CL/Web");
        browser.findElement(By.name("confirmation")).sendKeys(GROUP);
        browser.findElements(By.name("acknowledge")).forEach(WebElement::click);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector("#operation .state")).getText().equals("Succeeded"));
        browser.findElement(By.cssSelector("a.rollout-link")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> step(step).isDisplayed());
    }

    private void shoot(int step, String name) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", step(step));
        Chromium.screenshot(browser, name);
    }

    /** The state and text of a step's update command, read in one step (the section is swapped every second). */
    private String command(int step) {
        return (String) browser.executeScript("var e = document.getElementById('update-command-' + arguments[0]);"
                + " return e ? e.getAttribute('data-state') + '\\n' + e.textContent.trim() : '';", step);
    }

    private String errorText() {
        return browser.findElements(By.id("error")).stream().map(WebElement::getText).findFirst().orElse("");
    }

}
