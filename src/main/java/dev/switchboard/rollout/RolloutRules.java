package dev.switchboard.rollout;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.operations.Check;
import java.util.List;
import java.util.Optional;

/**
 * The rules a rolling update's actions follow, as plain functions of the run and the input: each
 * answers the refusal (not yet audited) or empty when the action may go on.
 */
final class RolloutRules {

    static final int MAX_TITLE = 200;
    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 1000;
    private static final String VERSION = "[A-Za-z0-9][A-Za-z0-9._+-]{0,63}";

    private RolloutRules() {
    }

    // ---- a new run ---------------------------------------------------------------------------

    /** A run needs a group of two servers with rolling-update settings. */
    static Optional<RolloutRefused> groupUnfit(FailoverGroup group, String source) {
        if (group.rollingUpdate() == null) {
            return refusal("group " + group.name() + " declares no rolling-update in " + source,
                    "rollout.error.notDeclared", group.name(), source);
        }
        return group.servers().size() == 2 ? Optional.empty() : refusal("a rolling update needs a group of two servers",
                "rollout.error.twoServers", group.name(), group.servers().size());
    }

    static Optional<RolloutRefused> badTitle(String title) {
        return title.isEmpty() || title.length() > MAX_TITLE
                ? refusal("the title must have 1 to " + MAX_TITLE + " characters", "rollout.error.title")
                : Optional.empty();
    }

    static Optional<RolloutRefused> badVersion(String version) {
        return version.matches(VERSION) ? Optional.empty()
                : refusal("the version '" + version + "' is not a version such as 1.1", "rollout.error.version", version);
    }

    /** The input without surrounding blanks; empty for none. */
    static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    // ---- an action on a step -----------------------------------------------------------------

    /** Only the current step of an open run may be acted on. */
    static Optional<RolloutRefused> notActionable(Rollout run, int step) {
        if (!run.open()) {
            return refusal("the run is " + run.state().name().toLowerCase(), "rollout.error.closed",
                    Translatable.of("rollout.state." + run.state().name()));
        }
        return run.currentStep().number() == step ? Optional.empty()
                : refusal("step " + step + " is not the current step " + run.currentStep().number(),
                        "rollout.error.notCurrent", step, run.currentStep().number());
    }

    /** Nothing else happens on a run while its update command runs: its outcome decides what comes next. */
    static Optional<RolloutRefused> commandRunning(Rollout run, Optional<UpdateCommandRun> running) {
        return running.filter(UpdateCommandRun::running).flatMap(c -> refusal("the update command is still running on "
                + run.server(run.currentStep()) + " (started by " + c.startedBy() + ")", "rollout.error.updateRunning",
                run.server(run.currentStep()), c.startedBy()));
    }

    /** The update and the relink belong to their own kind of step. */
    static Optional<RolloutRefused> wrongKind(Rollout run, RolloutStep.Kind kind) {
        return run.currentStep().kind() == kind ? Optional.empty()
                : refusal("step " + run.currentStep().number() + " is not a " + kind.name().toLowerCase() + " step",
                        "rollout.error.wrongAction", run.currentStep().number());
    }

    /** An override, a skip and an abandon need a reason, of reasonable length. */
    static Optional<RolloutRefused> missingReason(String reason) {
        return reason == null || reason.isBlank() ? refusal("a reason is required", "rollout.error.reason")
                : tooLong("reason", reason, MAX_REASON);
    }

    static Optional<RolloutRefused> tooLong(String what, String text, int max) {
        int length = clean(text).length();
        return length <= max ? Optional.empty() : refusal("the " + what + " has " + length + " characters, more than "
                + max, "rollout.error.tooLong", Translatable.of("rollout.what." + what), max);
    }

    static List<Check> failing(List<Check> checks) {
        return checks.stream().filter(c -> c.verdict() == Check.Verdict.FAIL).toList();
    }

    /** A plain sign-off needs every check passing or warning. */
    static Optional<RolloutRefused> checksFail(List<Check> now, String english) {
        List<Check> failing = failing(now);
        return failing.isEmpty() ? Optional.empty() : Optional.of(new RolloutRefused("a check fails: " + english,
                failing, Translatable.of("rollout.error.checksFail", failing.size())));
    }

    /** An override of a step whose checks all pass is an ordinary sign-off. */
    static StepRecord.State overriddenState(List<Check> now) {
        return failing(now).isEmpty() ? StepRecord.State.DONE : StepRecord.State.OVERRIDDEN;
    }

    /** An action by someone other than the run's current operator hands the run over to them. */
    static boolean changesHands(Rollout run, AuditActor actor) {
        return !actor.name().equals(run.currentOperator());
    }

    /** The step after {@code step}; empty after the last. */
    static Optional<RolloutStep> next(RolloutStep step) {
        return step.last() ? Optional.empty() : Optional.of(RolloutStep.of(step.number() + 1));
    }

    /**
     * Why a move of {@code group} to {@code target} cannot be the run's current switchover; empty when it can be.
     * {@code stepName} is the current step's name (a Translatable, or plain text).
     */
    static Optional<Translatable> notTheSwitchover(Rollout run, String group, String target, Object stepName) {
        RolloutStep step = run.currentStep();
        return Optional.ofNullable(!run.open() ? Translatable.of("rollout.notSwitchover." + run.state().name()
                .toLowerCase())
                : !run.group().equals(group) ? Translatable.of("rollout.notSwitchover.otherGroup", run.group(), group)
                : step.kind() != RolloutStep.Kind.SWITCH ? Translatable.of("rollout.notSwitchover.notSwitchStep", stepName)
                : !run.server(step).equals(target) ? Translatable.of("rollout.notSwitchover.otherTarget", stepName,
                        run.server(step), target) : null);
    }

    private static Optional<RolloutRefused> refusal(String english, String key, Object... args) {
        return Optional.of(new RolloutRefused(english, Translatable.of(key, args)));
    }
}
