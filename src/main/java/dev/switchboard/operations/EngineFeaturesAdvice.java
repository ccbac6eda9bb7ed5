package dev.switchboard.operations;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page gets {@code engineFeatures}, so it offers only what the engine has and says why the
 * rest is missing ({@code engineFeatures.has('SERVER_STANDBY')}, {@code engineFeatures.unavailable(…)}).
 */
@ControllerAdvice(annotations = Controller.class)
class EngineFeaturesAdvice {

    private final EngineFeatures features;

    EngineFeaturesAdvice(EngineFeatures features) {
        this.features = features;
    }

    @ModelAttribute("engineFeatures")
    EngineFeatures engineFeatures() {
        return features;
    }
}
