package dev.switchboard.operations;

import dev.switchboard.Translatable;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ClusterEngine;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A move's work: moves with a prober on the service address, then verifies that the service
 * answers from the target, and records the client-visible outage the prober measured.
 */
@Component
class VerifiedMove {

    private final ClusterEngine engine;
    private final ClusterDefinition definition;
    private final OperationStore store;
    private final ServiceVerification verification;

    VerifiedMove(ClusterEngine engine, ClusterDefinition definition, OperationStore store,
                 ServiceVerification verification) {
        this.engine = engine;
        this.definition = definition;
        this.store = store;
        this.verification = verification;
    }

    Translatable run(Operation o) {
        FailoverGroup group = definition.group(o.subject()).orElseThrow();
        if (group.serviceCheck() == null) {
            return Translatable.of("operation.result.online", engine.moveGroup(o.subject(), o.target()).currentServer());
        }
        try (ServiceProber prober = verification.prober(group)) {
            ServiceVerification.pause(60); // a few answers from before the move
            String server = engine.moveGroup(o.subject(), o.target()).currentServer();
            Translatable verified = verification.verify(group, server);
            ServiceVerification.pause(60);
            prober.outage().ifPresent(d -> store.outage(o.id(), d));
            Translatable outage = prober.outage().map(d -> Translatable.of("operation.result.seconds",
                    String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9)))
                    .orElse(Translatable.of("operation.result.notMeasured"));
            return Translatable.of("operation.result.moved", server, verified, outage);
        }
    }
}
