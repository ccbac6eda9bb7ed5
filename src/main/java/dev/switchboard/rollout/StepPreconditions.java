package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.operations.EngineFeatures;
import org.springframework.stereotype.Component;

/**
 * What the actions that change a server (the update command, the relink) need first: the right
 * kind of step, the group still declared with its rolling-update settings, and the application
 * stopped on the server. Each refusal is audited.
 */
@Component
class StepPreconditions {

    private final RolloutChecks checks;
    private final ClusterDefinition definition;
    private final StepGuard guard;
    private final RolloutAudit audit;
    private final EngineFeatures features;

    StepPreconditions(RolloutChecks checks, ClusterDefinition definition, StepGuard guard, RolloutAudit audit,
                      EngineFeatures features) {
        this.checks = checks;
        this.definition = definition;
        this.guard = guard;
        this.audit = audit;
        this.features = features;
    }

    /** The group as declared now, when the current step is of {@code kind}. */
    FailoverGroup declaredStepOf(Rollout run, AuditActor actor, RolloutStep.Kind kind) {
        guard.require(run, actor, RolloutRules.wrongKind(run, kind));
        return checks.declared(run.group()).orElseThrow(() -> audit.refused(run, actor, "rollout.error.notDeclared",
                "group " + run.group() + " or its rolling-update settings are no longer in cluster.yml", run.group(),
                definition.source().getFileName().toString()));
    }

    /**
     * The update command and the relink act on the server itself: an engine that does not reach
     * the servers refuses them, saying to do the step by hand and sign it off.
     *
     * @param key the refusal's message key: its arguments are the server and why (the feature and the engine)
     */
    void requireServerAccess(Rollout run, AuditActor actor, String server, String key) {
        if (!features.has(EngineFeature.SERVER_ACCESS)) {
            throw audit.refused(run, actor, key, "not available on the " + features.engineName()
                    + " engine (no access to the servers): to be done by hand on " + server, server,
                    features.unavailable(EngineFeature.SERVER_ACCESS));
        }
    }

    void requireApplicationStopped(Rollout run, AuditActor actor, String server) {
        if (!checks.applicationStopped(run.group(), server)) {
            throw audit.refused(run, actor, "rollout.error.applicationRunning", "the group or its application runs on "
                    + server + ", or an operation is under way", server);
        }
    }
}
