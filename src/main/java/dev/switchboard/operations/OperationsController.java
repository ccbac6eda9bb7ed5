package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import dev.switchboard.audit.AuditActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operations from the pages: a confirmation that says what will happen and asks why, then a page
 * that follows the operation to its result. Monitor operations need an ADMIN. A move goes through
 * {@link MoveGroup} as from the wizard: a refused one comes back here with the checks that refused.
 */
@Controller
class OperationsController {

    private static final Set<OperationKind> ADMIN_ONLY = EnumSet.of(OperationKind.SUSPEND_MONITOR,
            OperationKind.RESUME_MONITOR, OperationKind.START_DUMMY_FAILURE, OperationKind.STOP_DUMMY_FAILURE);
    /** Operations that interrupt the service: the operator types the name to confirm. */
    private static final Set<OperationKind> TYPE_TO_CONFIRM = EnumSet.of(OperationKind.MOVE_GROUP,
            OperationKind.STOP_GROUP, OperationKind.STOP_RESOURCE, OperationKind.SERVER_STANDBY);

    private final Operations operations;
    private final SubmitOperation submissions;
    private final MoveGroup moves;
    private final ClusterDefinition definition;
    private final ClusterEngine engine;
    private final AuditTrail trail;
    private final EngineFeatures features;

    OperationsController(Operations operations, SubmitOperation submissions, MoveGroup moves,
                         ClusterDefinition definition, ClusterEngine engine, AuditTrail trail,
                         EngineFeatures features) {
        this.operations = operations;
        this.submissions = submissions;
        this.moves = moves;
        this.definition = definition;
        this.engine = engine;
        this.trail = trail;
        this.features = features;
    }

    @GetMapping("/operations/new")
    String confirm(@RequestParam OperationKind kind, @RequestParam String subject,
                   @RequestParam(required = false) String target, Authentication auth, Model model) {
        requireRole(kind, auth);
        model.addAttribute("kind", kind);
        model.addAttribute("subject", subject);
        model.addAttribute("target", target);
        model.addAttribute("typeToConfirm", TYPE_TO_CONFIRM.contains(kind));
        if (kind == OperationKind.MOVE_GROUP) {
            String current = engine.snapshot().group(subject).map(g -> g.currentServer()).orElse(null);
            model.addAttribute("targets", definition.group(subject).map(g -> g.servers()).orElse(java.util.List.of())
                    .stream().filter(s -> !s.equals(current)).toList());
        }
        model.addAttribute("impactNotes", impactNotes(kind, subject));
        if (kind == OperationKind.SERVER_STANDBY) {
            List<String> leaving = leaving(subject).stream().map(g -> g.name()).toList();
            model.addAttribute("leaving", leaving.isEmpty() ? "—" : String.join(", ", leaving));
        }
        operations.holderOfAny(kind, subject).ifPresent(h -> model.addAttribute("holder", h));
        // asked by address for what the engine lacks: say so instead of a form that would be refused
        kind.feature().filter(f -> !features.has(f)).ifPresent(f -> model.addAttribute("unavailable",
                features.unavailable(f)));
        return "operations/confirm";
    }

    @PostMapping("/operations")
    String submit(@RequestParam OperationKind kind, @RequestParam String subject,
                  @RequestParam(required = false) String target, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String confirmation,
                  @RequestParam(defaultValue = "false") boolean acknowledge, Authentication auth,
                  HttpServletRequest request, RedirectAttributes flash) {
        requireRole(kind, auth);
        String to = target == null || target.isBlank() ? null : target;
        String back = "redirect:/operations/new?kind=" + kind + "&subject=" + subject + (to == null ? "" : "&target=" + to);
        Translatable reasonProblem = ReasonTooLong.problemOnPage(reason);
        if (reasonProblem != null) {
            flash.addFlashAttribute("error", reasonProblem);
            return back;
        }
        if (TYPE_TO_CONFIRM.contains(kind) && !confirmation.strip().equals(subject)) {
            flash.addFlashAttribute("error", Translatable.of("operation.error.confirmation"));
            return back;
        }
        AuditActor actor = AuditActor.of(auth, request);
        try {
            if (kind != OperationKind.MOVE_GROUP) {
                return "redirect:/operations/" + submissions.submit(new OperationRequest(kind, subject, to, reason, actor))
                        .id();
            }
            MoveOutcome outcome = moves.move(new MoveRequest(subject, to, reason, acknowledge, actor, null));
            if (outcome instanceof MoveOutcome.Refused refused) {
                flash.addFlashAttribute("refusal", refused.refusal());
                return "redirect:/operations/new?kind=" + kind + "&subject=" + subject + "&target=" + outcome.plan().to();
            }
            return "redirect:/operations/" + ((MoveOutcome.Started) outcome).operation().id();
        } catch (GroupHeld e) {
            flash.addFlashAttribute("error", Translatable.of("operation.error.busy"));
            return back;
        } catch (OperationNotAllowed e) {
            flash.addFlashAttribute("error", e.text());
            return back;
        }
    }

    /** The groups that run on the server now, and would leave it in standby. */
    private List<dev.switchboard.engine.GroupStatus> leaving(String server) {
        return engine.snapshot().groups().stream().filter(g -> server.equals(g.currentServer())).toList();
    }

    /** What users of the group will notice; for a standby, of the groups that leave the server. */
    private List<String> impactNotes(OperationKind kind, String subject) {
        if (kind == OperationKind.SERVER_STANDBY) {
            return leaving(subject).stream().flatMap(g -> definition.group(g.name()).stream())
                    .flatMap(g -> g.impactNotes().stream()).toList();
        }
        return kind.onServer() ? List.of() : definition.group(subject).map(g -> g.impactNotes()).orElse(List.of());
    }

    @GetMapping("/operations/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("operation", operations.find(id).orElseThrow(() -> new NameNotFound("operation", id)));
        // the operation's own steps; the audit trail shows them together with what the engine did
        model.addAttribute("events", trail.ofOperation(id).stream().filter(e -> e.action().startsWith("operation-"))
                .toList());
        return "operations/show";
    }

    private static void requireRole(OperationKind kind, Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (ADMIN_ONLY.contains(kind) && !admin) {
            throw new AccessDeniedException("monitor operations need the ADMIN role");
        }
    }
}
