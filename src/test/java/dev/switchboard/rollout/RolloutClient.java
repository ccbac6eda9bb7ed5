package dev.switchboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.HttpSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator working through a rolling update over HTTP, with the same forms the pages post:
 * each action follows the redirect and returns the run's page as the operator then sees it.
 */
final class RolloutClient {

    static final String GROUP = "failover-clweb";
    private static final Pattern RUN = Pattern.compile("/rollouts/([0-9a-f-]{36})$");
    private static final Pattern OPERATION = Pattern.compile("/operations/([0-9a-f-]{36})$");

    private final HttpSession session;
    private final String base;
    String runId;

    RolloutClient(String base, String name, String password) {
        this.base = base;
        this.session = new HttpSession(base);
        HttpResponse<String> login = session.login(name, password);
        assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + name).doesNotContain("error");
    }

    /** Creates a run and returns its page, or the list page with the error when refused. */
    String create(String title, String version) {
        session.get("/rollouts");
        HttpResponse<String> created = session.post("/rollouts", "group=" + GROUP + "&title=" + enc(title)
                + "&version=" + enc(version), true);
        String location = location(created);
        Matcher id = RUN.matcher(location);
        if (id.find()) {
            runId = id.group(1);
        }
        return session.get(path(location)).body();
    }

    String page() {
        return session.get("/rollouts/" + runId).body();
    }

    String get(String path) {
        return session.get(path).body();
    }

    String report() {
        return session.get("/rollouts/" + runId + "/report").body();
    }

    String signOff(int step, String note) {
        return act("/steps/" + step + "/sign-off", "note=" + enc(note));
    }

    String override(int step, String reason) {
        return act("/steps/" + step + "/override", "reason=" + enc(reason) + "&note=");
    }

    String skip(int step, String reason) {
        return act("/steps/" + step + "/skip", "reason=" + enc(reason));
    }

    /** Starts the update command; the page as it is right after (the command runs on in the background). */
    String startUpdate(int step) {
        return act("/steps/" + step + "/update", "");
    }

    /** Starts the update command and waits until it has ended; the page then (or the refusal). */
    String runUpdate(int step) {
        String page = startUpdate(step);
        return "RUNNING".equals(commandState(page, step)) ? awaitUpdate(step) : page;
    }

    /** Waits until the step's update command is no longer running; the page then. */
    String awaitUpdate(int step) {
        await().atMost(Duration.ofSeconds(90)).until(() -> !"RUNNING".equals(commandState(page(), step)));
        return page();
    }

    /** The state of the step's update command on the page: RUNNING, SUCCEEDED, FAILED, INTERRUPTED, or null. */
    static String commandState(String page, int step) {
        Matcher section = Pattern.compile("<section[^>]*id=\"update-command-" + step + "\"[^>]*>").matcher(page);
        Matcher state = Pattern.compile("data-state=\"(\\w+)\"").matcher(section.find() ? section.group() : "");
        return state.find() ? state.group(1) : null;
    }

    String relink(int step) {
        return act("/steps/" + step + "/relink", "");
    }

    String abandon(String reason) {
        return act("/abandon", "reason=" + enc(reason));
    }

    HttpResponse<String> post(String path, String form) {
        page();
        return session.post(path, form, true);
    }

    /** Moves the group through the wizard's form as a step of the run; waits for the move to succeed. */
    String switchTo(String target) {
        session.get("/groups/" + GROUP + "/move?target=" + target + "&rollout=" + runId);
        HttpResponse<String> submitted = session.post("/groups/" + GROUP + "/move", "target=" + target
                + "&rollout=" + runId + "&reason=" + enc("rolling update step") + "&confirmation=" + GROUP
                + "&acknowledge=true", true);
        Matcher id = OPERATION.matcher(location(submitted));
        assertThat(id.find()).as("the move was accepted: " + location(submitted)).isTrue();
        String operation = "/operations/" + id.group(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> session.get(operation).body().contains("op-succeeded")
                || session.get(operation).body().contains("op-failed"));
        String page = session.get(operation).body();
        assertThat(page).as("the move succeeded").contains("op-succeeded").contains("/rollouts/" + runId);
        return id.group(1);
    }

    private String act(String action, String form) {
        page();
        HttpResponse<String> response = session.post("/rollouts/" + runId + action, form, true);
        assertThat(response.statusCode()).as(action + " answered " + response.body()).isEqualTo(302);
        return session.get(path(location(response))).body();
    }

    private String path(String location) {
        return location.startsWith(base) ? location.substring(base.length()) : location;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
