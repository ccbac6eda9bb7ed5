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
    private final ServiceTls tls;

    ServiceVerification(ClusterEngine engine, ServiceTls tls) {
        this.engine = engine;
        this.tls = tls;
    }

    /** A prober on the group's service address, with the trust its check allows for https. */
    ServiceProber prober(FailoverGroup group) {
        return new ServiceProber(group.serviceCheck().url(), tls.trustFor(group.serviceCheck()));
    }

    /** @return what was verified, as the operation's result reports it */
    Translatable verify(FailoverGroup group, String server) {
        String expected = group.serviceCheck().expectedOn(server);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        CheckTrust trust = tls.trustFor(group.serviceCheck());
        ServiceCheckCall call = new ServiceCheckCall(group.serviceCheck().url(), trust);
        ServiceCheckCall.Answer last = new ServiceCheckCall.Answer("no answer", null);
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (last.good(expected) && monitorsNormal(group, server)) {
                // the record names the pinned certificate when accept-certificates let it through
                return trust.pinAccepted().map(pin -> Translatable.of("operation.result.verifiedPinned",
                                group.serviceCheck().url(), expected, pin))
                        .orElseGet(() -> Translatable.of("operation.result.verified", group.serviceCheck().url(),
                                expected));
            }
            pause(100);
        }
        throw new OperationFailed(Translatable.of("operation.failed.verification", server, group.serviceCheck().url(),
                last.shown(), expected));
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
