package dev.switchboard.operations;

import dev.switchboard.engine.NameNotFound;
import dev.switchboard.ApiEnvelope;
import dev.switchboard.audit.AuditActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Operations in the vendor's API shape: POSTs are asynchronous (202 and an operation to poll),
 * {@code result.message} is empty on success, a busy group answers 409 with who holds it.
 * A request may come without a body: a move then goes to the next server by the group's policy.
 * An operation's {@code message} is its result in English, as on record; a request with an
 * Accept-Language gets it in that language (as the API's error messages).
 */
@RestController
@RequestMapping("/api/v1")
class OperationsApiController {

    /** The optional body: where to, why, and (for a move with warnings) that they were read. */
    record ApiBody(String target, String reason, Boolean acknowledge) {
        static final ApiBody NONE = new ApiBody(null, null, null);
    }

    private final Operations operations;
    private final SubmitOperation submissions;
    private final MoveGroup moves;
    private final CheckText text;
    private final MessageSource messages;
    private final OperationsProperties properties;

    OperationsApiController(Operations operations, SubmitOperation submissions, MoveGroup moves, CheckText text,
                            MessageSource messages, OperationsProperties properties) {
        this.properties = properties;
        this.operations = operations;
        this.submissions = submissions;
        this.moves = moves;
        this.text = text;
        this.messages = messages;
    }

    @PostMapping("/groups/{name}/{action:move|start|stop}")
    ResponseEntity<Map<String, Object>> group(@PathVariable String name, @PathVariable String action,
                                              @RequestBody(required = false) ApiBody body,
                                              Authentication auth, HttpServletRequest request) {
        if (action.equals("move")) {
            return move(name, body == null ? ApiBody.NONE : body, auth, request);
        }
        OperationKind kind = action.equals("start") ? OperationKind.START_GROUP : OperationKind.STOP_GROUP;
        return submit(kind, name, body, auth, request);
    }

    @PostMapping("/resources/{name}/{action:start|stop}")
    ResponseEntity<Map<String, Object>> resource(@PathVariable String name, @PathVariable String action,
                                                 @RequestBody(required = false) ApiBody body,
                                                 Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("start") ? OperationKind.START_RESOURCE : OperationKind.STOP_RESOURCE;
        return submit(kind, name, body, auth, request);
    }

    @PostMapping("/monitors/{name}/{action:suspend|resume}")
    ResponseEntity<Map<String, Object>> monitor(@PathVariable String name, @PathVariable String action,
                                                @RequestBody(required = false) ApiBody body,
                                                Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("suspend") ? OperationKind.SUSPEND_MONITOR : OperationKind.RESUME_MONITOR;
        return submit(kind, name, body, auth, request);
    }

    @PostMapping("/monitors/{name}/dummy-failure/{action:start|stop}")
    ResponseEntity<Map<String, Object>> dummyFailure(@PathVariable String name, @PathVariable String action,
                                                     @RequestBody(required = false) ApiBody body,
                                                     Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("start") ? OperationKind.START_DUMMY_FAILURE : OperationKind.STOP_DUMMY_FAILURE;
        return submit(kind, name, requireTarget(body), auth, request);
    }

    @PostMapping("/servers/{name}/{action:standby|online}")
    ResponseEntity<Map<String, Object>> server(@PathVariable String name, @PathVariable String action,
                                               @RequestBody(required = false) ApiBody body,
                                               Authentication auth, HttpServletRequest request) {
        OperationKind kind = action.equals("standby") ? OperationKind.SERVER_STANDBY : OperationKind.SERVER_ONLINE;
        return submit(kind, name, body, auth, request);
    }

    /**
     * A move goes through the preflight checks: a FAIL refuses it; a WARN is recorded as acknowledged
     * by default (the vendor's clients cannot send "acknowledge"), unless switchboard.api.warnings-block.
     */
    private ResponseEntity<Map<String, Object>> move(String group, ApiBody body, Authentication auth,
                                                     HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        MoveOutcome outcome = moves.move(new MoveRequest(group, body.target(), body.reason(),
                Acknowledgement.forApi(body.acknowledge(), properties.warningsBlock()), AuditActor.of(auth, request),
                null));
        List<Map<String, Object>> checks = text.json(outcome.plan().checks(), locale);
        if (outcome instanceof MoveOutcome.Refused refused) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiEnvelope.body(ApiEnvelope.code(409),
                    message(refused.refusal(), locale), "checks", checks, "refusedBy", refused.refusal().checkIds()));
        }
        Operation operation = ((MoveOutcome.Started) outcome).operation();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiEnvelope.body(0, "", "operation", operation.apiFields(),
                "checks", checks));
    }

    /** As the pages word a refusal, but naming the API's own field for acknowledging warnings. */
    private String message(Refusal refusal, Locale locale) {
        return refusal.key().equals(Refusal.ACKNOWLEDGE)
                ? messages.getMessage("move.error.acknowledge.api", null, locale) : text.message(refusal, locale);
    }

    @GetMapping("/operations/{id}")
    Map<String, Object> operation(@PathVariable String id, HttpServletRequest request) {
        Operation operation = operations.find(id).orElseThrow(() -> new NameNotFound("operation", id));
        return ApiEnvelope.body(0, "", "operations", List.of(fields(operation, request)));
    }

    /** The operation's fields, its result in the reader's language when the request names one. */
    private Map<String, Object> fields(Operation operation, HttpServletRequest request) {
        Map<String, Object> fields = operation.apiFields();
        if (operation.resultText() != null && request.getHeader("Accept-Language") != null) {
            fields.put("message", text.text(operation.resultText(), ApiEnvelope.locale(request)));
        }
        return fields;
    }

    private ResponseEntity<Map<String, Object>> submit(OperationKind kind, String subject, ApiBody body,
                                                       Authentication auth, HttpServletRequest request) {
        ApiBody r = body == null ? ApiBody.NONE : body;
        Operation operation = submissions.submit(new OperationRequest(kind, subject, r.target(), r.reason(),
                AuditActor.of(auth, request)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiEnvelope.body(0, "", "operation", operation.apiFields()));
    }

    private static ApiBody requireTarget(ApiBody body) {
        if (body == null || body.target() == null) {
            throw new IllegalArgumentException("Name the server in the body, e.g. {\"target\": \"srv1\"}.");
        }
        return body;
    }
}
