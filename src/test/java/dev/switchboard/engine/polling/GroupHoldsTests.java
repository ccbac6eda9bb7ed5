package dev.switchboard.engine.polling;

import dev.switchboard.Translatable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.GroupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One operation per group, what the dashboard shows as running, and which changes of server are no failover. */
class GroupHoldsTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final GroupHolds holds = new GroupHolds();

    @Test
    void aHeldGroupRefusesASecondOperationNamingTheFirst() {
        holds.hold("g", Translatable.of("engine.operation.move", "g"));

        assertThatThrownBy(() -> holds.hold("g", Translatable.of("engine.operation.stop", "g"))).isInstanceOf(GroupBusy.class).hasMessageContaining("move");
        holds.hold("other", Translatable.of("engine.operation.stop", "other")); // another group is not held
    }

    @Test
    void aReleasedGroupMayBeHeldAgain() {
        holds.hold("g", Translatable.of("engine.operation.move", "g"));
        holds.release("g");

        holds.hold("g", Translatable.of("engine.operation.stop", "g"));
        assertThat(holds.notFailingOver(reading(ActivationState.ONLINE), NOW)).containsExactly("g");
    }

    @Test
    void anExclusiveOperationHoldsTheGroupWhileItRunsAndReleasesItEvenWhenItFails() {
        String result = holds.exclusively("g", Translatable.of("engine.operation.move", "g"), () -> {
            assertThatThrownBy(() -> holds.hold("g", Translatable.of("engine.operation.stop", "g")))
                    .isInstanceOf(GroupBusy.class);
            return "moved";
        });
        assertThat(result).isEqualTo("moved");
        assertThatThrownBy(() -> holds.exclusively("g", Translatable.of("engine.operation.stop", "g"), () -> {
            throw new IllegalStateException("failed");
        })).hasMessage("failed");

        holds.hold("g", Translatable.of("engine.operation.start", "g")); // released both times
    }

    @Test
    void aMovingGroupShowsItsOperationUntilItHasMoved() {
        holds.moving("g", Translatable.of("engine.operation.moveToServer", "srv2"));

        assertThat(holds.operations().get("g").english()).isEqualTo("move to srv2");
        assertThat(holds.notFailingOver(reading(ActivationState.ONLINE_PENDING), NOW)).containsExactly("g");

        holds.moved("g");

        assertThat(holds.operations()).isEmpty();
        assertThat(holds.notFailingOver(reading(ActivationState.ONLINE), NOW)).isEmpty();
    }

    @Test
    void aFailedMoveSettlesUntilTheGroupIsOnlineAgain() {
        holds.settleUntil("g", NOW.plus(Duration.ofMinutes(2)));

        assertThat(holds.notFailingOver(reading(ActivationState.OFFLINE), NOW)).containsExactly("g");
        assertThat(holds.notFailingOver(reading(ActivationState.ONLINE), NOW)).isEmpty();
        assertThat(holds.notFailingOver(reading(ActivationState.OFFLINE), NOW)).as("forgotten once Online").isEmpty();
    }

    @Test
    void aFailedMoveSettlesAtMostUntilItsTimeIsUp() {
        holds.settleUntil("g", NOW.plus(Duration.ofMinutes(2)));

        assertThat(holds.notFailingOver(reading(ActivationState.OFFLINE), NOW.plus(Duration.ofMinutes(3)))).isEmpty();
    }

    private static ClusterSnapshot reading(ActivationState state) {
        GroupStatus group = new GroupStatus("g", state, "srv1", List.of("srv1", "srv2"), List.of(), null, null);
        return new ClusterSnapshot("lab", NOW, List.of(), List.of(group), List.of());
    }
}
