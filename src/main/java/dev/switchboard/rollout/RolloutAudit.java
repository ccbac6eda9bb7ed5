package dev.switchboard.rollout;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.operations.Check;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Publishes what happens to a run for the audit trail, under the run's id, in English (as the
 * trail is kept), naming steps and checks as the English page does.
 */
@Component
class RolloutAudit {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    RolloutAudit(ApplicationEventPublisher events, MessageSource messages) {
        this.events = events;
        this.messages = messages;
    }

    void record(Rollout run, AuditActor actor, String action, Outcome outcome, String details, String server) {
        events.publishEvent(new RolloutProgressed(run.id(), actor, action, run.group(), outcome, details, run.group(),
                server));
    }

    /** A refusal of a new run, against the group (there is no run yet). */
    void refusedCreation(String group, boolean groupExists, AuditActor actor, RolloutRefused refusal) {
        events.publishEvent(new RolloutProgressed(null, actor, "rollout-refused", group, Outcome.DENIED,
                "new rolling update: " + refusal.getMessage(), groupExists ? group : null, null));
    }

    /** Audits the refusal of an action on the run at its current step and returns it to throw. */
    RolloutRefused refused(Rollout run, AuditActor actor, RolloutRefused refusal) {
        record(run, actor, "rollout-refused", Outcome.DENIED, step(run) + ": " + refusal.getMessage(), null);
        return refusal;
    }

    RolloutRefused refused(Rollout run, AuditActor actor, String key, String english, Object... args) {
        return refused(run, actor, new RolloutRefused(english, Translatable.of(key, args)));
    }

    static RolloutRefused notFound(String id) {
        return new RolloutRefused("there is no rolling update " + id, Translatable.of("rollout.error.notFound", id));
    }

    /** The checks as one line: verdict, id and reason of each. */
    String english(List<Check> checks) {
        return String.join("; ", checks.stream().map(c -> c.verdict() + " " + c.id() + " ("
                + messages.getMessage(c.reasonKey(), c.argArray(), Locale.ENGLISH) + ")").toList());
    }

    String step(Rollout run) {
        return step(run, run.currentStep());
    }

    /** For example: step 1 “Update srv2”. */
    String step(Rollout run, RolloutStep step) {
        String server = run.server(step);
        return "step " + step.number() + " “" + messages.getMessage("rollout.step." + step.number() + ".title",
                new Object[] {server == null ? "" : server}, Locale.ENGLISH) + "”";
    }
}
