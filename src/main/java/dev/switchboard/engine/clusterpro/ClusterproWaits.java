package dev.switchboard.engine.clusterpro;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.Exec;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.cluster.Resource;
import dev.switchboard.cluster.Service;
import dev.switchboard.engine.ClusterSnapshot;
import dev.switchboard.engine.GroupStatus;
import dev.switchboard.engine.OperationFailed;
import dev.switchboard.engine.polling.Waiting;
import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A vendor POST only means "accepted": the operation then waits here, reading the cluster every
 * step, until the state it wanted shows, a failure state shows, the operation the server
 * reports (Switchboard's API names it; the vendor's does not) failed, or the time is up.
 */
final class ClusterproWaits {

    private static final Logger log = LoggerFactory.getLogger(ClusterproWaits.class);

    /** Per resource of a group when the API does not tell its timeouts: a stop and a start. */
    static final Duration PER_RESOURCE = Duration.ofSeconds(60);
    /** The least any operation is given. */
    static final Duration LEAST = Duration.ofMinutes(2);

    private final ClusterproReadings readings;
    private final VendorApi api;
    private final Duration step;

    ClusterproWaits(ClusterproReadings readings, VendorApi api, Duration step) {
        this.readings = readings;
        this.api = api;
        this.step = step;
    }

    /**
     * switchboard.clusterpro.operation-timeout when set; otherwise the group's resource timeouts
     * where the definition knows them and {@link #PER_RESOURCE} for the others, at least {@link #LEAST}.
     */
    static Duration timeoutFor(@Nullable FailoverGroup group, @Nullable Duration setting) {
        if (setting != null) {
            return setting;
        }
        Duration sum = Duration.ZERO;
        for (Resource r : group == null ? java.util.List.<Resource>of() : group.resources()) {
            Duration known = r instanceof Exec e ? e.timeout() : r instanceof Service s ? s.stopTimeout() : null;
            sum = sum.plus(known != null && !known.isZero() && !known.isNegative() ? known.multipliedBy(2) : PER_RESOURCE);
        }
        return sum.compareTo(LEAST) > 0 ? sum : LEAST;
    }

    /**
     * Until {@code done} holds for the reading and the server's operation, when it names one, has
     * ended; a failure state the operation brought ({@code failure}, when given),
     * the server's failed operation or the timeout ends it with what was seen.
     *
     * @param accepted the POST's answer (it may name Switchboard's operation)
     */
    ClusterSnapshot until(Predicate<ClusterSnapshot> done, String group, @Nullable FailureWatch failure, Translatable what,
                          Duration timeout, JsonNode accepted) {
        String operation = VendorJson.text(accepted.path("operation"), "id");
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterSnapshot now = readings.refresh();
        boolean running = operation != null;
        ClusterproFailure lastError = null;
        while (!done.test(now) || running) {
            GroupStatus g = group == null ? null : now.group(group).orElse(null);
            if (running) {
                try {
                    running = running(operation, what, g);
                } catch (ClusterproFailure e) {
                    lastError = retriable(e, what);
                }
                if (!running && done.test(now)) {
                    break;
                }
            }
            if (failure != null && failure.failedIn(now)) {
                throw new OperationFailed(Translatable.of("engine.clusterpro.failureState", what,
                        g == null ? Translatable.verbatim("?") : Waiting.stateOf(g)));
            }
            if (System.nanoTime() > deadline) {
                if (lastError != null) {
                    throw new OperationFailed(Translatable.of("engine.clusterpro.waitTimeoutError", what,
                            timeout.toSeconds(), lastError.text()));
                }
                throw new OperationFailed(Translatable.of("engine.clusterpro.waitTimeout", what, timeout.toSeconds(),
                        g == null ? Translatable.verbatim("?") : Waiting.stateOf(g)));
            }
            sleep();
            lastError = null;
            try {
                now = readings.refresh();
            } catch (ClusterproFailure e) {
                lastError = retriable(e, what);
            }
        }
        return now;
    }

    /** A reading that failed on the way (no answer, a broken one) is tried again at the next step. */
    private static ClusterproFailure retriable(ClusterproFailure e, Translatable what) {
        if (e.cause() != ClusterproFailure.Cause.UNREACHABLE && e.cause() != ClusterproFailure.Cause.BAD_ANSWER) {
            throw e;
        }
        log.warn("Reading the cluster during the {} failed; trying again at the next step: {}", what.english(), e.getMessage());
        return e;
    }

    /**
     * Switchboard's API reports its operation: whether it still runs (it may verify after the state
     * is reached, and holds the group until then); a failed one ends the wait with its message.
     */
    private boolean running(String id, Translatable what, @Nullable GroupStatus group) {
        var operations = VendorJson.list(api.get("/api/v1/operations/" + id), "operations");
        if (operations.isEmpty()) {
            throw new ClusterproFailure(ClusterproFailure.Cause.BAD_ANSWER, api.answering(), 200, "", false,
                    Translatable.of("engine.clusterpro.noOperation", api.answering().toString(), id));
        }
        JsonNode operation = operations.get(0);
        String state = VendorJson.text(operation, "state");
        if ("REQUESTED".equals(state) || "RUNNING".equals(state)) {
            return true;
        }
        if ("FAILED".equals(state) || "INTERRUPTED".equals(state)) {
            String message = VendorJson.text(operation, "message");
            throw new OperationFailed(Translatable.of("engine.clusterpro.operationFailed", what,
                    message == null ? state : message,
                    group == null ? Translatable.verbatim("?") : Waiting.stateOf(group)));
        }
        return false;
    }

    private void sleep() {
        Waiting.pause(step, "engine.clusterpro.waitInterrupted");
    }
}
