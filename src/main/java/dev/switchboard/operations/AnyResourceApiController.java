package dev.switchboard.operations;

import dev.switchboard.ApiEnvelope;
import dev.switchboard.audit.AuditActor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on any resource, node or the whole cluster by the manager's own ids, in the vendor
 * API's shape as {@link OperationsApiController}: asynchronous (202 and the operation to poll),
 * 409 when refused (audited), the reason in the body. Each goes through {@link SubmitOperation}.
 */
@RestController
@RequestMapping("/api/v1")
class AnyResourceApiController {

    /**
     * The optional body: the node, why, and for maintenance mode on, when Switchboard switches it
     * off again ({@code expiry}: an ISO-8601 duration such as {@code PT30M}, or whole minutes).
     */
    record Body(@Nullable String target, @Nullable String reason, @Nullable String expiry) {
        static final Body NONE = new Body(null, null, null);
    }

    private final SubmitOperation submissions;

    AnyResourceApiController(SubmitOperation submissions) {
        this.submissions = submissions;
    }

    @PostMapping("/resources/{id}/{action:move|move-promoted|ban|clear|cleanup|enable|disable}")
    ResponseEntity<Map<String, Object>> resource(@PathVariable String id, @PathVariable String action,
                                                 @RequestBody(required = false) Body body, Authentication auth,
                                                 HttpServletRequest request) {
        OperationKind kind = switch (action) {
            case "move" -> OperationKind.MOVE_RESOURCE;
            case "move-promoted" -> OperationKind.MOVE_PROMOTED;
            case "ban" -> OperationKind.BAN_RESOURCE;
            case "clear" -> OperationKind.CLEAR_RESOURCE;
            case "cleanup" -> OperationKind.CLEANUP_RESOURCE;
            case "enable" -> OperationKind.ENABLE_RESOURCE;
            default -> OperationKind.DISABLE_RESOURCE;
        };
        return submit(kind, id, body, auth, request);
    }

    @PostMapping("/resources/{id}/maintenance/{state:on|off}")
    ResponseEntity<Map<String, Object>> resourceMaintenance(@PathVariable String id, @PathVariable String state,
                                                            @RequestBody(required = false) Body body,
                                                            Authentication auth, HttpServletRequest request) {
        return submit(state.equals("on") ? OperationKind.RESOURCE_MAINTENANCE_ON
                : OperationKind.RESOURCE_MAINTENANCE_OFF, id, body, auth, request);
    }

    /** A node's standby and return: the same operation as /servers/{name}/standby, under the manager's word. */
    @PostMapping("/nodes/{name}/{action:standby|online}")
    ResponseEntity<Map<String, Object>> nodeStandby(@PathVariable String name, @PathVariable String action,
                                                    @RequestBody(required = false) Body body, Authentication auth,
                                                    HttpServletRequest request) {
        return submit(action.equals("standby") ? OperationKind.SERVER_STANDBY : OperationKind.SERVER_ONLINE, name,
                body, auth, request);
    }

    @PostMapping("/nodes/{name}/maintenance/{state:on|off}")
    ResponseEntity<Map<String, Object>> nodeMaintenance(@PathVariable String name, @PathVariable String state,
                                                        @RequestBody(required = false) Body body, Authentication auth,
                                                        HttpServletRequest request) {
        return submit(state.equals("on") ? OperationKind.NODE_MAINTENANCE_ON : OperationKind.NODE_MAINTENANCE_OFF,
                name, body, auth, request);
    }

    @PostMapping("/cluster/maintenance/{state:on|off}")
    ResponseEntity<Map<String, Object>> clusterMaintenance(@PathVariable String state,
                                                           @RequestBody(required = false) Body body,
                                                           Authentication auth, HttpServletRequest request) {
        return submit(state.equals("on") ? OperationKind.CLUSTER_MAINTENANCE_ON
                : OperationKind.CLUSTER_MAINTENANCE_OFF, OperationKind.CLUSTER, body, auth, request);
    }

    private ResponseEntity<Map<String, Object>> submit(OperationKind kind, String subject, @Nullable Body body,
                                                       Authentication auth, HttpServletRequest request) {
        Body b = body == null ? Body.NONE : body;
        Operation operation = submissions.submit(new OperationRequest(kind, subject, blankToNull(b.target()),
                b.reason(), AuditActor.of(auth, request)), expiry(b.expiry()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiEnvelope.body(0, "", "operation",
                operation.apiFields()));
    }

    /** "PT30M" or "30" (minutes); null when not given. */
    static @Nullable Duration expiry(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return t.chars().allMatch(Character::isDigit) ? Duration.ofMinutes(Long.parseLong(t)) : Duration.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("The expiry \"" + t + "\" is no duration: give an ISO-8601 duration "
                    + "such as PT30M, or whole minutes such as 30.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
