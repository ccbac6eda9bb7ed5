package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ClusterEngine;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.OperationFailed;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * After a group moved: its service answers from the new server at the service-check address and
 * its monitors are Normal there, within 10 s, or the operation fails saying which did not.
 */
@Component
class ServiceVerification {

    private final ClusterEngine engine;

    ServiceVerification(ClusterEngine engine) {
        this.engine = engine;
    }

    /** @return what was verified, as the operation's result reports it */
    Translatable verify(FailoverGroup group, String server) {
        String expected = group.serviceCheck().expectedOn(server);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            last = ServiceCheckCall.get(group.serviceCheck().url());
            boolean answers = last.startsWith("200 ") && last.contains(expected);
            if (answers && monitorsNormal(group, server)) {
                return Translatable.of("operation.result.verified", group.serviceCheck().url(), expected);
            }
            pause(100);
        }
        throw new OperationFailed(Translatable.of("operation.failed.verification", server, group.serviceCheck().url(),
                last, expected));
    }

    private boolean monitorsNormal(FailoverGroup group, String server) {
        return engine.snapshot().monitors().stream()
                .filter(m -> m.targetResource() != null && group.resource(m.targetResource()).isPresent())
                .allMatch(m -> m.on(server).map(s -> s.state() == MonitorState.NORMAL
                        // a monitor an operator suspended is not an error
                        || s.state() == MonitorState.SUSPEND).orElse(false));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
