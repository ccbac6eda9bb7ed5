package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.OperationNotAllowed;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one place that says whether an optional feature may be offered ({@link ClusterEngine#features()})
 * and, when not, why, naming the feature and the engine: pages hide the feature's buttons and show
 * this text, the wizard's and the rolling update's checks say they were not made, and requests are refused.
 */
@Component
public class EngineFeatures {

    private final ClusterEngine engine;
    private final String engineName;

    @Autowired
    EngineFeatures(ClusterEngine engine, Environment environment) {
        this(engine, environment.getProperty("switchboard.engine.type", "embedded"));
    }

    /** @param engineName as switchboard.engine.type names it (embedded, pacemaker, clusterpro) */
    public EngineFeatures(ClusterEngine engine, String engineName) {
        this.engine = engine;
        this.engineName = engineName.strip().toLowerCase(Locale.ROOT);
    }

    public boolean has(EngineFeature feature) {
        return engine.features().contains(feature);
    }

    /** For the pages: {@code ${engineFeatures.has('DUMMY_FAILURE')}}. */
    public boolean has(String feature) {
        return has(EngineFeature.valueOf(feature));
    }

    public String engineName() {
        return engineName;
    }

    /** "Dummy failure is not available on the clusterpro engine …", with how to enable it where there is a way. */
    public Translatable unavailable(EngineFeature feature) {
        return Translatable.of("feature.unavailable." + feature.name(), engineName);
    }

    public Translatable unavailable(String feature) {
        return unavailable(EngineFeature.valueOf(feature));
    }

    /** @throws OperationNotAllowed naming the feature and the engine, when the engine lacks it */
    public void require(EngineFeature feature) {
        if (!has(feature)) {
            throw new OperationNotAllowed(unavailable(feature));
        }
    }
}
