package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.GroupBusy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupOperationLockTests {

    private final FailoverGroup group = new FailoverGroup("g", List.of("srv1", "srv2"), true, true, List.of(),
            List.of(), null, null, List.of());
    private final EmbeddedGroupState state = new EmbeddedGroupState(group, List.of(), new EventSink());
    private final GroupOperationLock lock = new GroupOperationLock("g", state);

    @Test
    void anOperatorIsRefusedWhileAnOperationRunsAndToldWhichOne() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> move = CompletableFuture.supplyAsync(() -> lock.exclusive(Translatable.of("engine.operation.move", "g"), () -> {
            running.countDown();
            await(finish);
            return "moved";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(state.status().operation().english()).isEqualTo("move of g");
        assertThatThrownBy(() -> lock.exclusive(Translatable.of("engine.operation.stop", "g"), () -> "stopped")).isInstanceOf(GroupBusy.class)
                .hasMessage("Group 'g' is busy: the move of g is running. Wait until it has finished.");

        finish.countDown();
        assertThat(move.get(5, TimeUnit.SECONDS)).isEqualTo("moved");
        assertThat(state.status().operation()).isNull();
        assertThat(lock.exclusive(Translatable.of("engine.operation.stop", "g"), () -> "stopped")).isEqualTo("stopped");
    }

    @Test
    void aRecoveryWaitsForTheRunningOperationInsteadOfBeingRefused() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> move = CompletableFuture.runAsync(() -> lock.exclusive(Translatable.of("engine.operation.move", "g"), () -> {
            running.countDown();
            await(finish);
            order.add("move");
            return null;
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> failover = CompletableFuture.runAsync(() -> lock.waiting(Translatable.of("engine.operation.failover", "g"),
                () -> order.add("failover")));

        Thread.sleep(100);
        assertThat(failover).isNotDone();
        finish.countDown();
        failover.get(5, TimeUnit.SECONDS);
        move.get(5, TimeUnit.SECONDS);
        assertThat(order).containsExactly("move", "failover");
    }

    @Test
    void aFailedOperationFreesTheGroup() {
        assertThatThrownBy(() -> lock.exclusive(Translatable.of("engine.operation.start", "g"), () -> {
            throw new IllegalStateException("broken");
        })).hasMessage("broken");

        assertThat(state.status().operation()).isNull();
        assertThat(CompletableFuture.supplyAsync(() -> lock.exclusive(Translatable.of("engine.operation.start", "g"), () -> "started")).join())
                .isEqualTo("started");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
