package dev.switchboard.web;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The status page's warning while changes may reach it late (the engine's notifications do not
 * arrive; see {@link ClusterEngine#updatesWarning()}), on the page as loaded and in every live
 * update ({@link LiveUpdates}), so data from polling is never shown as if it were pushed at once.
 */
@ControllerAdvice(assignableTypes = {StatusController.class, KioskController.class})
class UpdatesWarning {

    static final String MODEL = "updatesWarning";

    private final ClusterEngine engine;

    UpdatesWarning(ClusterEngine engine) {
        this.engine = engine;
    }

    @ModelAttribute(MODEL)
    @Nullable Translatable warning() {
        return engine.updatesWarning().orElse(null);
    }
}
