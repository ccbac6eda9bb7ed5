package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.GroupNotice;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStatus;
import dev.switchboard.operations.EngineFeatures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A group's notices (what an engine reports beyond the group's state) on the real status page,
 * its live part and the read API, rendered by the real controllers and templates with the
 * application's messages: each with its label, escaped (a file name is anyone's), in Japanese;
 * nothing at all while there are none.
 */
@WebMvcTest(controllers = {StatusController.class, ApiController.class})
@Import({GroupNoticesPageTests.NoticesEngine.class, EngineFeatures.class, LiveUpdates.class})
@WithMockUser(roles = "VIEWER")
class GroupNoticesPageTests {

    static final String FILE = "<img src=x onerror=alert(1)>.log";
    static final Instant SINCE = Instant.parse("2026-12-05T02:13:05Z");
    static final AtomicReference<List<GroupNotice>> NOTICES = new AtomicReference<>(List.of());

    @TestConfiguration
    static class NoticesEngine {

        @Bean(destroyMethod = "") // a stand-in: nothing to close
        ClusterEngine engine() {
            return FeaturesEngine.of(() -> new ClusterSnapshot("c", Instant.now(), List.of(
                    new ServerStatus("srv1", ServerState.ONLINE, "127.0.0.1"),
                    new ServerStatus("srv2", ServerState.ONLINE, "127.0.0.2")), List.of(new GroupStatus("g",
                    ActivationState.OFFLINE, null, List.of("srv1", "srv2"), List.of(), null, null, List.of(), null,
                    NOTICES.get())), List.of()), EnumSet.noneOf(dev.switchboard.engine.EngineFeature.class));
        }

        @Bean
        ClusterDefinition definition() {
            return new ClusterDefinition("c", Path.of("config/cluster.yml"), List.of(
                    new ServerDefinition("srv1", "127.0.0.1", null), new ServerDefinition("srv2", "127.0.0.2", null)),
                    List.of(new FailoverGroup("g", List.of("srv1", "srv2"), false, true, List.of(), List.of(), null,
                            null, List.of())), List.of(), null);
        }

        @Bean
        SwitchboardProperties properties() {
            return new SwitchboardProperties(Path.of("data"), new SwitchboardProperties.Cluster(Path.of("config/cluster.yml")),
                    new SwitchboardProperties.Engine(SwitchboardProperties.EngineType.EMBEDDED));
        }
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void threeNotices() {
        NOTICES.set(List.of(
                new GroupNotice("unowned-instances", GroupNotice.Severity.WARNING,
                        Translatable.of("engine.notice.unowned", "srv1 (pid 101), srv2 (pid 202)"), SINCE),
                new GroupNotice("mount-point-not-empty", GroupNotice.Severity.WARNING,
                        Translatable.of("engine.notice.mountPointNotEmpty", "disk1", "srv2", "/mnt/g", "1", FILE,
                                "servers/srv2/mnt/g"), SINCE),
                new GroupNotice("stray-stopped", GroupNotice.Severity.INFO,
                        Translatable.of("engine.notice.strayStopped", "srv2", "303", "srv1", "2026-12-05 02:13:05 UTC",
                                "24"), SINCE)));
    }

    private String get200(String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theStatusPageShowsEachNoticeUnderItsGroupWithWhatToDoEscaped() throws Exception {
        String html = get200("/", "en");

        assertThat(html).contains("<ul class=\"group-notices\" role=\"status\">",
                "<li class=\"group-notice st-caution\" data-notice=\"unowned-instances\">",
                "<strong>Needs you</strong>",
                "The application runs on srv1 (pid 101), srv2 (pid 202) while no server owns the disk.",
                "start the group there (Switchboard then stops the instances on the other servers by its rule)",
                "<li class=\"group-notice st-caution\" data-notice=\"mount-point-not-empty\">",
                "The disk disk1 cannot be mounted on srv2: its mount point /mnt/g there is not empty (1 file(s): "
                        + "&lt;img src=x onerror=alert(1)&gt;.log).",
                "move them out of /mnt/g on srv2 (servers/srv2/mnt/g in Switchboard&#39;s data directory)",
                "<li class=\"group-notice st-offline\" data-notice=\"stray-stopped\">",
                "<strong>Done by Switchboard</strong>",
                "Stopped the application on srv2 (pid 303) at 2026-12-05 02:13:05 UTC: srv2 does not own the disk "
                        + "(srv1 does)", "Shown for 24 hours; the audit trail keeps the record.")
                .doesNotContain(FILE);
        assertThat(html.indexOf("data-notice=\"unowned-instances\"")).as("under the group's heading, in the live part")
                .isGreaterThan(html.indexOf("id=\"live\"")).isGreaterThan(html.indexOf("<h2>"));
    }

    @Test
    void theLiveUpdateAPageReceivesCarriesThemToo() throws Exception {
        var response = mvc.perform(get("/events").header("Accept-Language", "en")).andReturn().getResponse();
        // the first message is sent by the live updates' own sender threads, a moment after the request
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> response.getContentAsString().contains("stray-stopped"));
        String stream = response.getContentAsString();

        assertThat(stream).startsWith("event:cluster").contains("data-notice=\"unowned-instances\"",
                "data-notice=\"mount-point-not-empty\"", "data-notice=\"stray-stopped\"",
                "&lt;img src=x onerror=alert(1)&gt;.log").doesNotContain(FILE);
    }

    @Test
    void inJapanese() throws Exception {
        String html = get200("/", "ja");

        assertThat(html).contains("<strong>要対応</strong>", "<strong>Switchboard が実施</strong>",
                "どのサーバもディスクを所有していないのに、アプリケーションが srv1 (pid 101), srv2 (pid 202) で動いています。",
                "ディスク disk1 を srv2 にマウントできません", "&lt;img src=x onerror=alert(1)&gt;.log",
                "この表示は 24 時間残ります。");
    }

    @Test
    void withoutNoticesThePageHasNoList() throws Exception {
        NOTICES.set(List.of());

        assertThat(get200("/", "en")).doesNotContain("group-notices", "data-notice=");
    }

    @Test
    void theReadApiGivesThemUnderSwitchboardOnlyWhileThereAreAny() throws Exception {
        String json = get200("/api/v1/groups/g", "en");

        assertThat(json).contains("\"current\":\"None\",\"resources\":[],\"switchboard\":{\"notices\":[{"
                + "\"kind\":\"unowned-instances\",\"severity\":\"warning\",\"since\":\"2026-12-05T02:13:05Z\","
                + "\"message\":\"The application runs on srv1 (pid 101), srv2 (pid 202) while no server owns the disk.",
                "\"kind\":\"mount-point-not-empty\"", "\"kind\":\"stray-stopped\",\"severity\":\"info\"");
        assertThat(get200("/api/v1/groups", "ja")).contains("ディスク disk1 を srv2 にマウントできません");
        assertThat(get200("/api/v1/groups?select=name", "en")).doesNotContain("switchboard");

        NOTICES.set(List.of());
        assertThat(get200("/api/v1/groups/g", "en")).endsWith("\"current\":\"None\",\"resources\":[]}]}");
    }
}
