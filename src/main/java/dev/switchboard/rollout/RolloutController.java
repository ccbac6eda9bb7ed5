package dev.switchboard.rollout;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.ScriptRun;
import dev.switchboard.operations.Check;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rolling-update pages: the runs, one run as a checklist with the current step's live checks
 * and actions, and the printable report. Changing a run needs an OPERATOR (see the security
 * configuration); anyone signed in may follow it.
 */
@Controller
class RolloutController {

    private final Rollouts rollouts;
    private final ClusterDefinition definition;
    private final AuditTrail trail;

    RolloutController(Rollouts rollouts, ClusterDefinition definition, AuditTrail trail) {
        this.rollouts = rollouts;
        this.definition = definition;
        this.trail = trail;
    }

    @GetMapping("/rollouts")
    String list(Model model) {
        model.addAttribute("runs", rollouts.recent());
        model.addAttribute("groups", definition.groups().stream().filter(g -> g.rollingUpdate() != null)
                .map(FailoverGroup::name).filter(g -> rollouts.openRunOf(g).isEmpty()).toList());
        return "rollouts/list";
    }

    @PostMapping("/rollouts")
    String create(@RequestParam String group, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String version, Authentication auth, HttpServletRequest request,
                  RedirectAttributes flash) {
        try {
            return "redirect:/rollouts/" + rollouts.create(group, title, version, AuditActor.of(auth, request)).id();
        } catch (RolloutRefused e) {
            flash.addFlashAttribute("error", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
            flash.addFlashAttribute("form", java.util.Map.of("group", group, "title", title, "version", version));
            return "redirect:/rollouts";
        }
    }

    @GetMapping("/rollouts/{id}")
    String show(@PathVariable String id, Model model) {
        Rollout run = find(id);
        model.addAttribute("run", run);
        List<Check> checks = rollouts.liveChecks(run);
        model.addAttribute("checks", checks);
        // the server's standby before its update, its return before the switchover: one click away
        model.addAttribute("offerStandby", has(checks, RolloutChecks.IN_STANDBY, Check.Verdict.WARN));
        model.addAttribute("offerOnline", has(checks, RolloutChecks.TARGET_ONLINE, Check.Verdict.FAIL));
        model.addAttribute("versions", rollouts.installedVersions(run));
        model.addAttribute("updateCommand", definition.group(run.group()).map(FailoverGroup::rollingUpdate)
                .map(u -> u.updateCommand() != null).orElse(false));
        model.addAttribute("zone", java.time.ZoneId.systemDefault().getId());
        return "rollouts/show";
    }

    private static boolean has(List<Check> checks, String id, Check.Verdict verdict) {
        return checks.stream().anyMatch(c -> c.id().equals(id) && c.verdict() == verdict);
    }

    @GetMapping("/rollouts/{id}/report")
    String report(@PathVariable String id, Model model) {
        model.addAttribute("run", find(id));
        model.addAttribute("events", trail.ofOperation(id));
        model.addAttribute("zone", java.time.ZoneId.systemDefault().getId());
        return "rollouts/report";
    }

    @PostMapping("/rollouts/{id}/steps/{step}/sign-off")
    String signOff(@PathVariable String id, @PathVariable int step, @RequestParam(defaultValue = "") String note,
                   Authentication auth, HttpServletRequest request, RedirectAttributes flash) {
        return act(id, flash, () -> rollouts.signOff(id, step, note, AuditActor.of(auth, request)));
    }

    @PostMapping("/rollouts/{id}/steps/{step}/override")
    String override(@PathVariable String id, @PathVariable int step, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(defaultValue = "") String note, Authentication auth, HttpServletRequest request,
                    RedirectAttributes flash) {
        return act(id, flash, () -> rollouts.override(id, step, reason, note, AuditActor.of(auth, request)));
    }

    @PostMapping("/rollouts/{id}/steps/{step}/skip")
    String skip(@PathVariable String id, @PathVariable int step, @RequestParam(defaultValue = "") String reason,
                Authentication auth, HttpServletRequest request, RedirectAttributes flash) {
        return act(id, flash, () -> rollouts.skip(id, step, reason, AuditActor.of(auth, request)));
    }

    @PostMapping("/rollouts/{id}/steps/{step}/update")
    String update(@PathVariable String id, @PathVariable int step, Authentication auth, HttpServletRequest request,
                  RedirectAttributes flash) {
        return act(id, flash, () -> {
            ScriptRun run = rollouts.runUpdate(id, step, AuditActor.of(auth, request));
            flash.addFlashAttribute("script", run);
            return run;
        });
    }

    @PostMapping("/rollouts/{id}/steps/{step}/relink")
    String relink(@PathVariable String id, @PathVariable int step, Authentication auth, HttpServletRequest request,
                  RedirectAttributes flash) {
        return act(id, flash, () -> {
            List<String> done = rollouts.relink(id, step, AuditActor.of(auth, request));
            flash.addFlashAttribute("relinked", done);
            return done;
        });
    }

    @PostMapping("/rollouts/{id}/abandon")
    String abandon(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Authentication auth,
                   HttpServletRequest request, RedirectAttributes flash) {
        return act(id, flash, () -> rollouts.abandon(id, reason, AuditActor.of(auth, request)));
    }

    /** Does the action and goes back to the run; a refusal or engine failure shows there. */
    private String act(String id, RedirectAttributes flash, Supplier<?> action) {
        find(id);
        try {
            action.get();
        } catch (RolloutRefused e) {
            flash.addFlashAttribute("error", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
            flash.addFlashAttribute("failing", e.failing());
        } catch (EngineException e) {
            flash.addFlashAttribute("error", "rollout.error.engine");
            flash.addFlashAttribute("errorArgs", new Object[] {e.getMessage()});
        }
        return "redirect:/rollouts/" + id;
    }

    private Rollout find(String id) {
        return rollouts.find(id).orElseThrow(() -> new NameNotFound("rolling update", id));
    }
}
