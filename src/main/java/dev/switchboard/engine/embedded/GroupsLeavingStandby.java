package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.ServerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Standby: the server runs no group until it is back online. Each group running there moves
 * to its next server by priority (or stops, when no other server may run it). Every group is
 * tried; those that could not leave fail the operation, and the server stays in standby.
 */
final class GroupsLeavingStandby {

    private final Collection<EmbeddedGroup> groups;
    private final ServerStandby standby;
    private final BiFunction<EmbeddedGroup, GroupStatus, GroupStatus> afterMove;

    /** @param afterMove what follows an operator's move (the engine resets the monitors' counters) */
    GroupsLeavingStandby(Collection<EmbeddedGroup> groups, ServerStandby standby,
                         BiFunction<EmbeddedGroup, GroupStatus, GroupStatus> afterMove) {
        this.groups = groups;
        this.standby = standby;
        this.afterMove = afterMove;
    }

    ServerState set(String server, boolean on) {
        standby.set(server, on);
        if (on) {
            List<Translatable> stayed = new ArrayList<>();
            for (EmbeddedGroup group : groups) {
                try {
                    leave(group, server);
                } catch (EngineException e) {
                    stayed.add(Translatable.of("engine.withDetail", group.group().name(), e.text()));
                }
            }
            if (!stayed.isEmpty()) {
                Translatable why = stayed.stream().reduce((a, b) -> Translatable.of("engine.sentences", a, b))
                        .orElseThrow();
                throw new OperationFailed(Translatable.of("engine.failed.standby", server, why));
            }
        }
        return on ? ServerState.STANDBY : ServerState.ONLINE;
    }

    private void leave(EmbeddedGroup group, String server) {
        GroupStatus now = group.status();
        if (!server.equals(now.currentServer())) {
            return;
        }
        boolean elsewhere = group.group().servers().stream().anyMatch(s -> !s.equals(server) && standby.mayRun(s));
        if (now.state() == ActivationState.ONLINE && elsewhere) {
            afterMove.apply(group, group.move(null));
        } else {
            group.stop();
        }
    }
}
