package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.Placement;
import dev.switchboard.audit.AuditActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * On confirmation the move goes to {@link MoveGroup}, which runs the checks again: a refusal comes
 * back to the wizard, which shows it with the checks that refused.
 */
@Controller
class MoveWizardController {

    private static final Logger log = LoggerFactory.getLogger(MoveWizardController.class);

    private final PlanGroupMove planner;
    private final MoveGroup moves;
    private final ClusterDefinition definition;
    private final ClusterEngine engine;

    MoveWizardController(PlanGroupMove planner, MoveGroup moves, ClusterDefinition definition, ClusterEngine engine) {
        this.planner = planner;
        this.moves = moves;
        this.definition = definition;
        this.engine = engine;
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
        model.addAttribute("placement", placement(name));
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
        String run = runId(rollout);
        String back = "redirect:/groups/" + name + "/move?target=" + target + (run == null ? "" : "&rollout=" + run);
        Translatable reasonProblem = ReasonTooLong.problemOnPage(reason);
        Translatable error = reasonProblem != null ? reasonProblem
                : !confirmation.strip().equals(name) ? Translatable.of("operation.error.confirmation") : null;
        if (error != null) {
            flash.addFlashAttribute("error", error);
            return back;
        }
        try {
            MoveOutcome outcome = moves.move(new MoveRequest(name, target, reason, acknowledge,
                    AuditActor.of(auth, request), run));
            if (outcome instanceof MoveOutcome.Refused refused) {
                flash.addFlashAttribute("refusal", refused.refusal());
                return back;
            }
            return "redirect:/operations/" + ((MoveOutcome.Started) outcome).operation().id();
        } catch (GroupHeld e) {
            flash.addFlashAttribute("error", Translatable.of("operation.error.busy"));
            return back;
        }
    }

    /**
     * Why the group runs where it does, shown next to each target; null when the engine has no
     * placement or cannot read it now (the wizard works without it).
     */
    private @Nullable Placement placement(String group) {
        if (!engine.features().contains(EngineFeature.PLACEMENT)) {
            return null;
        }
        try {
            return engine.placement(group).orElse(null);
        } catch (EngineException e) {
            log.warn("the move wizard shows no placement for {}: {}", group, e.getMessage());
            return null;
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
