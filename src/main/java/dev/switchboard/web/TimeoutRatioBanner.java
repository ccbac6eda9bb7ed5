package dev.switchboard.web;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.TimeoutRatio;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The status page's banner while a timeout ratio is in force (only on an engine that has one): the ratio and, if it expires, when (HH:mm). */
@ControllerAdvice(assignableTypes = StatusController.class)
class TimeoutRatioBanner {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    /** What the banner shows; {@code until} is null when the ratio lasts until reset. */
    record Banner(int ratio, @Nullable String until) {
    }

    private final ClusterEngine engine;

    TimeoutRatioBanner(ClusterEngine engine) {
        this.engine = engine;
    }

    @ModelAttribute("timeoutRatio")
    @Nullable Banner banner() {
        if (!engine.features().contains(EngineFeature.TIMEOUT_RATIO)) {
            return null;
        }
        TimeoutRatio ratio = engine.timeoutRatio().filter(TimeoutRatio::active).orElse(null);
        if (ratio == null) {
            return null;
        }
        return new Banner(ratio.ratio(), ratio.until() == null ? null
                : HOUR_MINUTE.format(ratio.until().atZone(ZoneId.systemDefault())));
    }
}
