package dev.switchboard.engine;

import dev.switchboard.SwitchboardProperties.EngineType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which engine runs: switchboard.engine.type, bound as SwitchboardProperties binds it (embedded
 * when missing, a wrong value fails with the binder's message), against each engine's
 * {@link ConditionalOnEngine}.
 */
public final class EngineSelection implements Condition {

    static final String KEY = "switchboard.engine.type";

    /** Whether {@code configuration}, an engine's configuration class, is the one in use. */
    public static boolean selects(Class<?> configuration, Environment environment) {
        ConditionalOnEngine engine = AnnotatedElementUtils.findMergedAnnotation(configuration, ConditionalOnEngine.class);
        if (engine == null) {
            throw new IllegalArgumentException(configuration.getName() + " is no engine configuration: it lacks "
                    + "@ConditionalOnEngine.");
        }
        return engine.value() == selected(environment);
    }

    static EngineType selected(Environment environment) {
        return Binder.get(environment).bind(KEY, EngineType.class).orElse(EngineType.EMBEDDED);
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Object wanted = metadata.getAnnotationAttributes(ConditionalOnEngine.class.getName()).get("value");
        return wanted == selected(context.getEnvironment());
    }
}
