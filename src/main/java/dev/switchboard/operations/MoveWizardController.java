package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.audit.AuditActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The move wizard: choose the target (each server says whether it can take the group), see the
 * checks and the plan, confirm with a reason and the group's name, then follow the operation.
 * The checks run again on confirmation: a FAIL blocks, a WARN must be acknowledged.
 */
@Controller
class MoveWizardController {

    private final PlanGroupMove planner;
    private final Operations operations;
    private final ClusterDefinition definition;
    private final MessageSource messages;
    private final SwitchoverSteps switchovers;

    MoveWizardController(PlanGroupMove planner, Operations operations, ClusterDefinition definition,
                         MessageSource messages, SwitchoverSteps switchovers) {
        this.planner = planner;
        this.operations = operations;
        this.definition = definition;
        this.messages = messages;
        this.switchovers = switchovers;
    }

    @GetMapping("/groups/{name}/move")
    String wizard(@PathVariable String name, @RequestParam(required = false) String target,
                  @RequestParam(required = false) String rollout, @RequestParam(required = false) String reason,
                  Model model) {
        MovePlan plan = planner.plan(name, target);
        Map<String, Boolean> targets = new LinkedHashMap<>();
        for (String server : definition.group(name).orElseThrow(() -> new NameNotFound("group", name)).servers()) {
            if (!server.equals(plan.from())) {
                targets.put(server, server.equals(plan.to()) ? !plan.blocked() : !planner.plan(name, server).blocked());
            }
        }
        model.addAttribute("plan", plan);
        model.addAttribute("targets", targets);
        model.addAttribute("rollout", runId(rollout));
        model.addAttribute("reason", reason);
        return "operations/move";
    }

    @PostMapping("/groups/{name}/move")
    String confirm(@PathVariable String name, @RequestParam String target, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String confirmation,
                   @RequestParam(defaultValue = "false") boolean acknowledge,
                   @RequestParam(required = false) String rollout, Authentication auth,
                   HttpServletRequest request, RedirectAttributes flash) {
        MovePlan plan = planner.plan(name, target);
        String run = runId(rollout);
        String back = "redirect:/groups/" + name + "/move?target=" + target + (run == null ? "" : "&rollout=" + run);
        AuditActor actor = AuditActor.of(auth, request);
        // a move started from a rolling-update step must be that step's switchover, nothing else
        java.util.Optional<String> notThisRun = run == null ? java.util.Optional.empty()
                : switchovers.refusal(run, name, plan.to(), actor);
        if (notThisRun.isPresent()) {
            flash.addFlashAttribute("error", "rollout.error.notSwitchStep");
            flash.addFlashAttribute("errorArgs", new Object[] {notThisRun.get()});
            return back;
        }
        String error = plan.blocked() ? "move.error.blocked"
                : plan.needsAcknowledgement() && !acknowledge ? "move.error.acknowledge"
                : reason.isBlank() ? "operation.error.reason"
                : !confirmation.strip().equals(name) ? "operation.error.confirmation" : null;
        if (error != null) {
            flash.addFlashAttribute("error", error);
            return back;
        }

        List<String> outcomes = plan.checks().stream().map(c -> c.id() + " " + c.verdict()
                + (c.verdict() == Check.Verdict.WARN ? " (acknowledged)" : "") + ": "
                + messages.getMessage(c.reasonKey(), c.argArray(), Locale.ENGLISH)).toList();
        try {
            Operation operation = operations.submit(OperationKind.MOVE_GROUP, name, plan.to(), reason,
                    actor, outcomes, run);
            return "redirect:/operations/" + operation.id();
        } catch (GroupHeld e) {
            flash.addFlashAttribute("error", "operation.error.busy");
            return back;
        }
    }

    /** A rolling-update run's id as given, or null when none or not an id. */
    private static String runId(String rollout) {
        if (rollout == null || rollout.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(rollout.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
