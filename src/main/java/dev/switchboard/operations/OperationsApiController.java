package dev.switchboard.operations;

import dev.switchboard.engine.NameNotFound;
import dev.switchboard.ApiEnvelope;
import dev.switchboard.audit.AuditActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations in the vendor's API shape: POSTs are asynchronous (202 and an operation to poll),
 * {@code result.message} is empty on success, a busy group answers 409 with who holds it.
 * A request may come without a body: a move then goes to the next server by the group's policy.
 */
@RestController
@RequestMapping("/api/v1")
class OperationsApiController {

    /** The optional body: where to, why, and (for a move with warnings) that they were read. */
    record OperationRequest(String target, String reason, Boolean acknowledge) {
        static final OperationRequest NONE = new OperationRequest(null, null, null);
    }

    private final Operations operations;
    private final PlanGroupMove planner;
    private final MessageSource messages;

    OperationsApiController(Operations operations, PlanGroupMove planner, MessageSource messages) {
        this.operations = operations;
        this.planner = planner;
        this.messages = messages;
    }

    @PostMapping("/groups/{name}/{action:move|start|stop}")
    ResponseEntity<Map<String, Object>> group(@PathVariable String name, @PathVariable String action,
                                              @RequestBody(required = false) OperationRequest body,
                                              Authentication auth, HttpServletRequest request) {
        if (action.equals("move")) {
            return move(name, body == null ? OperationRequest.NONE : body, auth, request);
        }
        OperationKind kind = action.equals("start") ? OperationKind.START_GROUP : OperationKind.STOP_GROUP;
        return submit(kind, name, body, auth, request);
    }

    @PostMapping("/resources/{name}/{action:start|stop}")
    ResponseEntity<Map<String, Object>> resource(@PathVariable String name, @PathVariable String action,
                                                 @RequestBody(required = false) OperationRequest body,
                                                 Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("start") ? OperationKind.START_RESOURCE : OperationKind.STOP_RESOURCE;
        return submit(kind, name, body, auth, request);
    }

    @PostMapping("/monitors/{name}/{action:suspend|resume}")
    ResponseEntity<Map<String, Object>> monitor(@PathVariable String name, @PathVariable String action,
                                                @RequestBody(required = false) OperationRequest body,
                                                Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("suspend") ? OperationKind.SUSPEND_MONITOR : OperationKind.RESUME_MONITOR;
        return submit(kind, name, body, auth, request);
    }

    @PostMapping("/monitors/{name}/dummy-failure/{action:start|stop}")
    ResponseEntity<Map<String, Object>> dummyFailure(@PathVariable String name, @PathVariable String action,
                                                     @RequestBody(required = false) OperationRequest body,
                                                     Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("start") ? OperationKind.START_DUMMY_FAILURE : OperationKind.STOP_DUMMY_FAILURE;
        return submit(kind, name, requireTarget(body), auth, request);
    }

    @PostMapping("/servers/{name}/{action:standby|online}")
    ResponseEntity<Map<String, Object>> server(@PathVariable String name, @PathVariable String action,
                                               @RequestBody(required = false) OperationRequest body,
                                               Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("standby") ? OperationKind.SERVER_STANDBY : OperationKind.SERVER_ONLINE;
        return submit(kind, name, body, auth, request);
    }

    /** A move runs the wizard's preflight checks: a FAIL refuses it, a WARN needs "acknowledge": true. */
    private ResponseEntity<Map<String, Object>> move(String group, OperationRequest r, Authentication auth,
                                                     HttpServletRequest request) {
        MovePlan plan = planner.plan(group, r.target());
        List<Map<String, Object>> checks = plan.checks().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("verdict", c.verdict().name());
            m.put("reason", messages.getMessage(c.reasonKey(), c.argArray(), Locale.ENGLISH));
            m.put("fix", c.fixKey() == null ? null : messages.getMessage(c.fixKey(), c.argArray(), Locale.ENGLISH));
            return m;
        }).toList();
        boolean acknowledged = Boolean.TRUE.equals(r.acknowledge());
        if (plan.blocked() || (plan.needsAcknowledgement() && !acknowledged)) {
            String message = plan.blocked() ? "A preflight check failed; the move was not started."
                    : "Preflight warnings must be acknowledged with \"acknowledge\": true.";
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiEnvelope.body(ApiEnvelope.code(409), message,
                    "checks", checks));
        }
        List<String> outcomes = checks.stream().map(c -> c.get("id") + " " + c.get("verdict") + ": " + c.get("reason"))
                .toList();
        Operation operation = operations.submit(OperationKind.MOVE_GROUP, group, plan.to(), r.reason(),
                AuditActor.of(auth, request), outcomes);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiEnvelope.body(0, "", "operation", json(operation),
                "checks", checks));
    }

    @GetMapping("/operations/{id}")
    Map<String, Object> operation(@PathVariable String id) {
        Operation operation = operations.find(id).orElseThrow(() -> new NameNotFound("operation", id));
        return ApiEnvelope.body(0, "", "operations", List.of(json(operation)));
    }

    @ExceptionHandler(GroupHeld.class)
    ResponseEntity<Map<String, Object>> held(GroupHeld e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiEnvelope.body(ApiEnvelope.code(409), e.getMessage(),
                "holder", json(e.holder())));
    }

    @ExceptionHandler(NameNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NameNotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiEnvelope.body(ApiEnvelope.code(404), e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(ApiEnvelope.body(ApiEnvelope.code(400), e.getMessage()));
    }

    private ResponseEntity<Map<String, Object>> submit(OperationKind kind, String subject, OperationRequest body,
                                                       Authentication auth, HttpServletRequest request) {
        OperationRequest r = body == null ? OperationRequest.NONE : body;
        Operation operation = operations.submit(kind, subject, r.target(), r.reason(), AuditActor.of(auth, request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiEnvelope.body(0, "", "operation", json(operation)));
    }

    private static OperationRequest requireTarget(OperationRequest body) {
        if (body == null || body.target() == null) {
            throw new IllegalArgumentException("Name the server in the body, e.g. {\"target\": \"srv1\"}.");
        }
        return body;
    }

    static Map<String, Object> json(Operation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("kind", o.kind().auditName());
        m.put("subject", o.subject());
        m.put("group", o.group());
        m.put("target", o.target());
        m.put("reason", o.reason());
        m.put("requestedBy", o.requestedBy());
        m.put("requestedAt", o.requestedAt().toString());
        m.put("state", o.state().name());
        m.put("startedAt", o.startedAt() == null ? null : o.startedAt().toString());
        m.put("finishedAt", o.finishedAt() == null ? null : o.finishedAt().toString());
        m.put("message", o.message());
        return m;
    }
}
