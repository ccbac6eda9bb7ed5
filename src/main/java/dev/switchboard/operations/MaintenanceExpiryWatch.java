package dev.switchboard.operations;

import dev.switchboard.audit.AuditActor;
import dev.switchboard.engine.EngineException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Switches a maintenance mode off when its expiry is due, as an operation of its own on the one
 * path (held, recorded, audited as done by "switchboard" with the reason naming the "on"). The
 * expiries live in H2, so one due while Switchboard was down goes off as soon as it is up again.
 */
@Component
class MaintenanceExpiryWatch {

    static final AuditActor SWITCHBOARD = new AuditActor("switchboard", null, "maintenance expiry");
    private static final Logger log = LoggerFactory.getLogger(MaintenanceExpiryWatch.class);

    private final MaintenanceExpiries expiries;
    private final SubmitOperation submissions;

    MaintenanceExpiryWatch(MaintenanceExpiries expiries, SubmitOperation submissions) {
        this.expiries = expiries;
        this.submissions = submissions;
    }

    @Scheduled(initialDelayString = "${switchboard.operations.maintenance-expiry-check:PT1S}",
            fixedDelayString = "${switchboard.operations.maintenance-expiry-check:PT1S}")
    void switchOffWhatIsDue() {
        for (MaintenanceExpiries.Due due : expiries.dueOrVoid(Instant.now())) {
            switch (due.onState()) {
                case FAILED -> expiries.forget(due.operationId()); // nothing was switched on
                case REQUESTED, RUNNING -> {
                    // the "on" still runs: switch off once it has
                }
                default -> switchOff(due);
            }
        }
    }

    private void switchOff(MaintenanceExpiries.Due due) {
        OperationKind off = switch (due.scope()) {
            case "cluster" -> OperationKind.CLUSTER_MAINTENANCE_OFF;
            case "node" -> OperationKind.NODE_MAINTENANCE_OFF;
            default -> OperationKind.RESOURCE_MAINTENANCE_OFF;
        };
        try {
            Operation operation = submissions.submit(new OperationRequest(off, due.subject(), null,
                    "maintenance mode set by operation " + due.operationId() + " expired at " + due.expiresAt(),
                    SWITCHBOARD));
            log.info("maintenance mode of {} {} expired: switching it off ({})", due.scope(), due.subject(),
                    operation.id());
            expiries.forget(due.operationId());
        } catch (GroupHeld busy) {
            log.info("maintenance mode of {} {} expired; waiting for {} to finish", due.scope(), due.subject(),
                    busy.getMessage());
        } catch (EngineException | IllegalArgumentException e) {
            log.warn("maintenance mode of {} {} expired but cannot be switched off: {}", due.scope(), due.subject(),
                    e.getMessage());
            expiries.forget(due.operationId());
        }
    }
}
