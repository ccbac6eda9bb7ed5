package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.FeaturesEngine;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.operations.EngineFeatures;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The API's answer to a request for a feature the engine lacks (refused by EngineFeatures, as the
 * operations' runner and the toratio endpoints do): 409 in the vendor's envelope, naming the
 * feature and the engine, in the client's language.
 */
class UnavailableFeatureApiTests {

    private final ApiErrors errors = new ApiErrors(ApiErrorsTests.messages());
    private final EngineFeatures clusterpro = new EngineFeatures(FeaturesEngine.of(() -> null,
            FeaturesEngine.clusterproWithoutPrefix()), "clusterpro");

    private OperationNotAllowed refusal(EngineFeature feature) {
        try {
            clusterpro.require(feature);
        } catch (OperationNotAllowed e) {
            return e;
        }
        throw new AssertionError(feature + " was not refused");
    }

    @Test
    void aDummyFailureIs409NamingTheFeatureAndTheEngine() {
        ApiErrors.Answer en = errors.answer(refusal(EngineFeature.DUMMY_FAILURE), ApiErrorsTests.english());

        assertThat(en.status().value()).isEqualTo(409);
        assertThat(en.message()).startsWith("Dummy failure is not available on the clusterpro engine");
        assertThat(errors.answer(refusal(EngineFeature.SERVER_STANDBY), ApiErrorsTests.japanese()).message())
                .startsWith("clusterpro エンジンではサーバのスタンバイは利用できません");
    }

    @Test
    void serverAccessSaysHowToEnableIt() {
        assertThat(errors.answer(refusal(EngineFeature.SERVER_ACCESS), ApiErrorsTests.english()).message())
                .isEqualTo("Access to the servers (their files, links, processes and commands) is not available on the "
                        + "clusterpro engine as configured: set switchboard.clusterpro.command-prefix (for example ssh to "
                        + "each server) to enable it.");
    }

    @Test
    void whatTheEngineHasIsNotRefused() {
        EngineFeatures all = new EngineFeatures(FeaturesEngine.of(() -> null, EnumSet.allOf(EngineFeature.class)),
                "Embedded");
        all.require(EngineFeature.DUMMY_FAILURE);
        assertThat(all.engineName()).isEqualTo("embedded");
        assertThatThrownBy(() -> clusterpro.require(EngineFeature.CLEANUP_FAILURES))
                .isInstanceOf(OperationNotAllowed.class);
    }
}
