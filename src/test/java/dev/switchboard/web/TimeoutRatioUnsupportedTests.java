package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.operations.EngineFeatures;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An engine without a timeout ratio (Pacemaker's: it keeps ClusterEngine's defaults and its features
 * lack TIMEOUT_RATIO) answers the vendor's toratio calls 409 with a message naming the feature and the
 * engine, never 500.
 */
class TimeoutRatioUnsupportedTests {

    /** An engine that has only the port's default methods: anything else is not called here. */
    private final ClusterEngine withoutRatio = (ClusterEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ClusterEngine.class}, (InvocationHandler) (proxy, method, args) -> {
                if (method.getName().equals("features")) {
                    return EnumSet.of(EngineFeature.DUMMY_FAILURE, EngineFeature.SERVER_STANDBY);
                }
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new AssertionError("not expected here: " + method.getName());
            });

    private final TimeoutRatioApiController api = new TimeoutRatioApiController(withoutRatio, event -> {
        throw new AssertionError("nothing changed, so nothing is audited");
    }, new EngineFeatures(withoutRatio, "pacemaker"));

    private final ApiErrors errors = new ApiErrors(ApiErrorsTests.messages());

    @Test
    void readingIs409InTheClientsLanguage() {
        assertThatThrownBy(api::read).isInstanceOfSatisfying(OperationNotAllowed.class, e -> {
            ApiErrors.Answer en = errors.answer(e, ApiErrorsTests.english());
            assertThat(en.status().value()).isEqualTo(409);
            assertThat(en.message()).isEqualTo("The timeout ratio (toratio) is not available on the pacemaker engine; "
                    + "change the monitor timeouts in the cluster configuration instead.");
            assertThat(errors.answer(e, ApiErrorsTests.japanese()).message())
                    .startsWith("pacemaker エンジンではタイムアウト倍率 (toratio) は利用できません");
        });
    }

    @Test
    void settingAndResettingAre409() {
        assertThatThrownBy(() -> api.set(Map.of("ratio", 3), null, null)).isInstanceOf(OperationNotAllowed.class);
        assertThatThrownBy(() -> api.reset(null, null)).isInstanceOf(OperationNotAllowed.class);
        assertThatThrownBy(() -> withoutRatio.setTimeoutRatio(3, null)).isInstanceOf(OperationNotAllowed.class);
    }
}
