package dev.switchboard.rollout;

import dev.switchboard.audit.AuditTrail;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.EngineFeature;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.operations.Check;
import dev.switchboard.operations.EngineFeatures;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rolling-update pages anyone signed in may follow: the runs, one run as a checklist with the
 * current step's live checks and actions, an update command's progress, and the printable report.
 */
@Controller
class RolloutPages {

    /** Sent with the last poll of a command that was running, so the page refreshes the step's checks. */
    static final String FINISHED_EVENT = "rolloutUpdateFinished";

    private final Rollouts rollouts;
    private final ClusterDefinition definition;
    private final AuditTrail trail;
    private final EngineFeatures features;

    RolloutPages(Rollouts rollouts, ClusterDefinition definition, AuditTrail trail, EngineFeatures features) {
        this.rollouts = rollouts;
        this.definition = definition;
        this.trail = trail;
        this.features = features;
    }

    @GetMapping("/rollouts")
    String list(Model model) {
        model.addAttribute("runs", rollouts.recent());
        model.addAttribute("groups", definition.groups().stream().filter(g -> g.rollingUpdate() != null)
                .map(FailoverGroup::name).filter(g -> rollouts.openRunOf(g).isEmpty()).toList());
        return "rollouts/list";
    }

    @GetMapping("/rollouts/{id}")
    String show(@PathVariable String id, Model model) {
        Rollout run = find(id);
        model.addAttribute("run", run);
        List<Check> checks = rollouts.liveChecks(run);
        model.addAttribute("checks", checks);
        // the server's standby before its update, its return before the switchover: one click away, where there is standby
        boolean standby = features.has(EngineFeature.SERVER_STANDBY);
        model.addAttribute("offerStandby", standby && has(checks, RolloutChecks.IN_STANDBY, Check.Verdict.WARN));
        model.addAttribute("offerOnline", standby && has(checks, RolloutChecks.TARGET_ONLINE, Check.Verdict.FAIL));
        model.addAttribute("versions", rollouts.installedVersions(run));
        model.addAttribute("updateCommand", definition.group(run.group()).map(FailoverGroup::rollingUpdate)
                .map(u -> u.updateCommand() != null).orElse(false));
        model.addAttribute("commands", java.util.Arrays.stream(RolloutStep.values())
                .map(step -> rollouts.updateCommand(run, step).orElse(null)).toList());
        model.addAttribute("zone", ZoneId.systemDefault().getId());
        return "rollouts/show";
    }

    /** The update command of a step as it stands; polled every second while it runs. */
    @GetMapping("/rollouts/{id}/steps/{step}/update-command")
    String updateCommand(@PathVariable String id, @PathVariable int step,
                         @RequestParam(defaultValue = "false") boolean polling, Model model,
                         HttpServletResponse response) {
        Rollout run = find(id);
        RolloutStep which = stepOf(id, step);
        UpdateCommandRun command = rollouts.updateCommand(run, which)
                .orElseThrow(() -> new NameNotFound("update command of step " + step + " of rolling update", id));
        if (polling && !command.running()) {
            response.setHeader("HX-Trigger", FINISHED_EVENT);
        }
        model.addAttribute("run", run);
        model.addAttribute("step", which);
        model.addAttribute("command", command);
        return "rollouts/update-command :: command";
    }

    @GetMapping("/rollouts/{id}/report")
    String report(@PathVariable String id, Model model) {
        model.addAttribute("run", find(id));
        model.addAttribute("events", trail.ofOperation(id));
        model.addAttribute("zone", ZoneId.systemDefault().getId());
        return "rollouts/report";
    }

    private static boolean has(List<Check> checks, String id, Check.Verdict verdict) {
        return checks.stream().anyMatch(c -> c.id().equals(id) && c.verdict() == verdict);
    }

    private static RolloutStep stepOf(String id, int step) {
        try {
            return RolloutStep.of(step);
        } catch (IllegalArgumentException e) {
            throw new NameNotFound("step " + step + " of rolling update", id);
        }
    }

    private Rollout find(String id) {
        return rollouts.find(id).orElseThrow(() -> new NameNotFound("rolling update", id));
    }
}
