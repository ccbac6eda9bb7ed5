package dev.switchboard.engine.embedded;

import dev.switchboard.Translatable;
import dev.switchboard.engine.GroupBusy;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One operation at a time on a group: an operator is refused while one runs, a recovery or the
 * start-up waits its turn. The operation under way is shown with the group while it runs.
 */
final class GroupOperationLock {

    private final ReentrantLock lock = new ReentrantLock();
    private final String group;
    private final EmbeddedGroupState state;

    GroupOperationLock(String group, EmbeddedGroupState state) {
        this.group = group;
        this.state = state;
    }

    /** Runs {@code work} now, or refuses with {@link GroupBusy} naming the operation under way. */
    <T> T exclusive(Translatable description, Supplier<T> work) {
        if (!lock.tryLock()) {
            throw new GroupBusy(group, state.runningOperation());
        }
        return runLocked(description, work);
    }

    /** Runs {@code work} once the operation under way, if any, has finished. */
    void waiting(Translatable description, Runnable work) {
        lock.lock();
        runLocked(description, () -> {
            work.run();
            return null;
        });
    }

    private <T> T runLocked(Translatable description, Supplier<T> work) {
        try {
            state.operation(description);
            return work.get();
        } finally {
            state.operation(null);
            lock.unlock();
        }
    }
}
