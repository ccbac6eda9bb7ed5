package dev.switchboard.web;

import dev.switchboard.ApiEnvelope;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.NameNotFound;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's newer metrics: each group's continuous uptime, and when the cluster definition was
 * last applied. The vendor's field names are not public; these follow its envelope and plural
 * keys ({@code groups: [{name, uptime}]}, {@code config: {lastAppliedDate}}). An unknown group is
 * the same 404 as on {@code /api/v1/groups/{name}}.
 */
@RestController
@RequestMapping("/api/v1/metrics")
class MetricsApiController {

    private final ClusterEngine engine;
    private final OnlineSightings sightings;
    private final AppliedDefinition applied;

    MetricsApiController(ClusterEngine engine, OnlineSightings sightings, AppliedDefinition applied) {
        this.engine = engine;
        this.sightings = sightings;
        this.applied = applied;
    }

    @GetMapping("/groups/uptime")
    Map<String, Object> uptimes() {
        Instant now = Instant.now();
        return ApiEnvelope.body(0, "", "groups", engine.snapshot().groups().stream()
                .map(g -> uptime(g, now)).toList());
    }

    @GetMapping("/groups/{name}/uptime")
    Map<String, Object> uptime(@PathVariable String name) {
        GroupStatus group = engine.snapshot().group(name).orElseThrow(() -> new NameNotFound("group", name));
        return ApiEnvelope.body(0, "", "groups", List.of(uptime(group, Instant.now())));
    }

    @GetMapping("/config/last-applied-date")
    Map<String, Object> lastApplied() {
        return ApiEnvelope.body(0, "", "config", applied.apiFields());
    }

    private Map<String, Object> uptime(GroupStatus group, Instant now) {
        return GroupUptime.of(group, sightings.firstSeenOnline(group, now), now).apiFields();
    }
}
