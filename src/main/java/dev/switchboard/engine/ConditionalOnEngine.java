package dev.switchboard.engine;

import dev.switchboard.SwitchboardProperties.EngineType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Marks an engine's one configuration class: it is used only when switchboard.engine.type names
 * that engine (embedded when the key is missing). The engine's initialiser asks the same rule
 * through {@link EngineSelection#selects}, so the choice is written once, here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(EngineSelection.class)
public @interface ConditionalOnEngine {

    EngineType value();
}
