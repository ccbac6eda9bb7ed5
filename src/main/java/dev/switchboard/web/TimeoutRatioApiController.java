package dev.switchboard.web;

import dev.switchboard.ApiEnvelope;
import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.engine.TimeoutRatio;
import dev.switchboard.operations.EngineFeatures;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's timeout ratio: read it, set it (ratio and optional expiry, as the vendor's clients
 * send them) and reset it. Changes are audited; an engine without a ratio answers 409 naming the
 * feature and the engine ({@link EngineFeatures}).
 */
@RestController
@RequestMapping("/api/v1/cluster/toratio")
class TimeoutRatioApiController {

    private final ClusterEngine engine;
    private final ApplicationEventPublisher events;
    private final EngineFeatures features;

    TimeoutRatioApiController(ClusterEngine engine, ApplicationEventPublisher events, EngineFeatures features) {
        this.engine = engine;
        this.events = events;
        this.features = features;
    }

    @GetMapping
    Map<String, Object> read() {
        features.require(EngineFeature.TIMEOUT_RATIO);
        TimeoutRatio ratio = engine.timeoutRatio().orElseThrow(TimeoutRatioApiController::unsupported);
        return answer(ratio);
    }

    @PostMapping("/set")
    Map<String, Object> set(@RequestBody(required = false) @Nullable Map<String, Object> body,
                            Authentication auth, HttpServletRequest request) {
        TimeoutRatioInput input = TimeoutRatioInput.of(body);
        return change(input, auth, request);
    }

    @PostMapping("/reset")
    Map<String, Object> reset(Authentication auth, HttpServletRequest request) {
        return change(new TimeoutRatioInput(1, null), auth, request);
    }

    private Map<String, Object> change(TimeoutRatioInput input, Authentication auth, HttpServletRequest request) {
        features.require(EngineFeature.TIMEOUT_RATIO);
        engine.timeoutRatio().orElseThrow(TimeoutRatioApiController::unsupported);
        TimeoutRatio now = engine.setTimeoutRatio(input.ratio(), input.lasting());
        events.publishEvent(new TimeoutRatioChanged(AuditActor.of(auth, request), now));
        return answer(now);
    }

    /** The vendor's shape, {@code cluster{toratio}}, and the expiry (ISO 8601) when there is one. */
    private static Map<String, Object> answer(TimeoutRatio ratio) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("toratio", ratio.ratio());
        if (ratio.until() != null) {
            cluster.put("until", ratio.until().toString());
        }
        return ApiEnvelope.body(0, "", "cluster", cluster);
    }

    private static OperationNotAllowed unsupported() {
        return new OperationNotAllowed(Translatable.of("engine.refused.noTimeoutRatio"));
    }
}
