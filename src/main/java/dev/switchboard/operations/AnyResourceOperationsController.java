package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.audit.AuditActor;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.ServerDefinition;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.ClusterInventory;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.EngineFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forms for operations on any resource, node or the whole cluster (OPERATOR): each asks why,
 * and what interrupts a service asks to type the name; a submitted form goes through
 * {@link SubmitOperation} like the API and the operation's page follows it to its result.
 */
@Controller
class AnyResourceOperationsController {

    /** What interrupts or pins a service: the operator types the name to confirm. */
    private static final Set<OperationKind> TYPE_TO_CONFIRM = EnumSet.of(OperationKind.MOVE_RESOURCE,
            OperationKind.MOVE_PROMOTED, OperationKind.BAN_RESOURCE, OperationKind.DISABLE_RESOURCE,
            OperationKind.SERVER_STANDBY, OperationKind.NODE_MAINTENANCE_ON, OperationKind.CLUSTER_MAINTENANCE_ON);
    /** The kinds these forms submit: nothing else goes through here. */
    private static final Set<OperationKind> FORMS = EnumSet.of(OperationKind.SERVER_STANDBY,
            OperationKind.SERVER_ONLINE);

    static {
        EnumSet.allOf(OperationKind.class).stream().filter(OperationKind::byManagerIds).forEach(FORMS::add);
    }

    private final SubmitOperation submissions;
    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final EngineFeatures features;
    private final MaintenanceExpiries expiries;

    AnyResourceOperationsController(SubmitOperation submissions, ClusterEngine engine, ClusterDefinition definition,
                                    EngineFeatures features, MaintenanceExpiries expiries) {
        this.submissions = submissions;
        this.engine = engine;
        this.definition = definition;
        this.features = features;
        this.expiries = expiries;
    }

    @GetMapping("/cluster/resources/{id}/operations")
    String resource(@PathVariable String id, Model model) {
        return page(model, "resource", id, EngineFeature.ANY_RESOURCE);
    }

    @GetMapping("/cluster/nodes/{name}/operations")
    String node(@PathVariable String name, Model model) {
        return page(model, "node", name, EngineFeature.MAINTENANCE_MODE);
    }

    @GetMapping("/cluster/maintenance")
    String cluster(Model model) {
        return page(model, "cluster", OperationKind.CLUSTER, EngineFeature.MAINTENANCE_MODE);
    }

    private String page(Model model, String scope, String subject, EngineFeature feature) {
        model.addAttribute("scope", scope);
        model.addAttribute("subject", subject);
        model.addAttribute("nodes", nodes());
        model.addAttribute("typeToConfirm", TYPE_TO_CONFIRM.stream().map(Enum::name).toList());
        model.addAttribute("expiries", expiries.pending().stream().filter(e -> e.scope().equals(scope)
                && e.subject().equals(subject)).toList());
        if (!features.has(feature)) {
            model.addAttribute("unavailable", features.unavailable(feature));
        }
        if (scope.equals("resource") && !features.has(EngineFeature.MAINTENANCE_MODE)) {
            model.addAttribute("maintenanceUnavailable", features.unavailable(EngineFeature.MAINTENANCE_MODE));
        }
        return "operations/any-resource";
    }

    /** The nodes to choose from: the manager's when it says, else cluster.yml's servers. */
    private List<String> nodes() {
        return engine.inventory().map(i -> i.nodes().stream().map(ClusterInventory.Node::name).toList())
                .orElseGet(() -> definition.servers().stream().map(ServerDefinition::name).toList());
    }

    @PostMapping("/cluster/operations")
    String submit(@RequestParam OperationKind kind, @RequestParam String subject,
                  @RequestParam(required = false) String target, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String confirmation, @RequestParam(defaultValue = "") String expiry,
                  Authentication auth, HttpServletRequest request, RedirectAttributes flash) {
        String back = "redirect:" + back(kind, subject);
        if (!FORMS.contains(kind)) {
            throw new IllegalArgumentException("These forms do not run " + kind + "; use its own page.");
        }
        Translatable reasonProblem = ReasonTooLong.problemOnPage(reason);
        if (reasonProblem != null) {
            flash.addFlashAttribute("error", reasonProblem);
            return back;
        }
        if (TYPE_TO_CONFIRM.contains(kind) && !confirmation.strip().equals(subject)) {
            flash.addFlashAttribute("error", Translatable.of("operation.error.confirmation"));
            return back;
        }
        Duration lasting;
        try {
            lasting = minutes(expiry);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", Translatable.of("anyops.error.expiry", expiry));
            return back;
        }
        String to = target == null || target.isBlank() ? null : target.strip();
        try {
            return "redirect:/operations/" + submissions.submit(new OperationRequest(kind, subject, to, reason,
                    AuditActor.of(auth, request)), kind.maintenanceOn() ? lasting : null).id();
        } catch (GroupHeld e) {
            flash.addFlashAttribute("error", Translatable.of("operation.error.busy"));
        } catch (EngineException e) {
            flash.addFlashAttribute("error", e.text());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", Translatable.verbatim(e.getMessage()));
        }
        return back;
    }

    /** Whole minutes between 1 and 30 days; null when empty. */
    static Duration minutes(String text) {
        if (text.isBlank()) {
            return null;
        }
        long minutes = Long.parseLong(text.strip());
        if (minutes < 1 || minutes > SubmitOperation.LONGEST_EXPIRY.toMinutes()) {
            throw new IllegalArgumentException("out of range: " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    private static String back(OperationKind kind, String subject) {
        String path = kind.onCluster() ? "/cluster/maintenance" : kind.onNode() || kind.onServer()
                ? "/cluster/nodes/{s}/operations" : "/cluster/resources/{s}/operations";
        return UriComponentsBuilder.fromPath(path).buildAndExpand(subject).encode().toUriString();
    }
}
