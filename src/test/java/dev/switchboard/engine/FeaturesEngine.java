package dev.switchboard.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A stand-in engine for the tests of pages, checks and refusals that depend on what the engine
 * offers: it reports the given features and snapshot, no disk holder, keeps the port's defaults,
 * and fails the test if anything else is asked of it (the page, not the engine, is under test).
 */
public final class FeaturesEngine {

    private FeaturesEngine() {
    }

    public static ClusterEngine of(Supplier<ClusterSnapshot> snapshot, Set<EngineFeature> features) {
        Set<EngineFeature> copy = features.isEmpty() ? EnumSet.noneOf(EngineFeature.class) : EnumSet.copyOf(features);
        return (ClusterEngine) Proxy.newProxyInstance(FeaturesEngine.class.getClassLoader(),
                new Class<?>[] {ClusterEngine.class}, (InvocationHandler) (proxy, method, args) -> switch (method.getName()) {
                    case "features" -> copy;
                    case "snapshot" -> snapshot.get();
                    case "diskHolder" -> Optional.empty();
                    case "toString" -> "FeaturesEngine" + copy;
                    default -> {
                        if (method.isDefault()) {
                            yield InvocationHandler.invokeDefault(proxy, method, args);
                        }
                        throw new AssertionError("not expected of the engine here: " + method.getName());
                    }
                });
    }

    /** What the clusterpro engine has without a command prefix: dummy failure and standby missing too. */
    public static Set<EngineFeature> clusterproWithoutPrefix() {
        return EnumSet.of(EngineFeature.TIMEOUT_RATIO);
    }

    /** What the embedded engine has: the rehearsal, standby, the timeout ratio and the servers' files. */
    public static Set<EngineFeature> embedded() {
        return EnumSet.of(EngineFeature.DUMMY_FAILURE, EngineFeature.SERVER_STANDBY, EngineFeature.TIMEOUT_RATIO,
                EngineFeature.SERVER_ACCESS);
    }
}
