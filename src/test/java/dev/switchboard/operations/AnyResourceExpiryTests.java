package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.audit.AuditActor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How an expiry of maintenance mode is written (API: ISO-8601 or minutes; pages: minutes) and its bounds. */
class AnyResourceExpiryTests {

    private static final AuditActor ALICE = new AuditActor("alice", "OPERATOR", null);

    @Test
    void theApiTakesAnIsoDurationOrWholeMinutes() {
        assertThat(AnyResourceApiController.expiry("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(AnyResourceApiController.expiry(" 45 ")).isEqualTo(Duration.ofMinutes(45));
        assertThat(AnyResourceApiController.expiry("")).isNull();
        assertThat(AnyResourceApiController.expiry(null)).isNull();
        assertThatThrownBy(() -> AnyResourceApiController.expiry("tomorrow"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"tomorrow\" is no duration")
                .hasMessageContaining("PT30M");
    }

    @Test
    void thePagesTakeMinutesWithinThirtyDays() {
        assertThat(AnyResourceOperationsController.minutes("90")).isEqualTo(Duration.ofMinutes(90));
        assertThat(AnyResourceOperationsController.minutes(" ")).isNull();
        assertThatThrownBy(() -> AnyResourceOperationsController.minutes("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnyResourceOperationsController.minutes("43201"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnyResourceOperationsController.minutes("1.5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyMaintenanceOnTakesAnExpiryAndOnlyWithinBounds() {
        SubmitOperation submissions = new SubmitOperation(null, null); // refused before anything is held or run

        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.RESOURCE_MAINTENANCE_OFF, "r",
                null, "why", ALICE), Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Only switching maintenance mode on takes an expiry");
        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.CLUSTER_MAINTENANCE_ON,
                OperationKind.CLUSTER, null, "why", ALICE), Duration.ofDays(31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> submissions.submit(new OperationRequest(OperationKind.NODE_MAINTENANCE_ON, "srv1",
                null, "why", ALICE), Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 second and 30 days");
    }
}
