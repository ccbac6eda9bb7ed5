package dev.switchboard.operations;

import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ClusterEngine;
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

    String run(Operation o) {
        FailoverGroup group = definition.group(o.subject()).orElseThrow();
        if (group.serviceCheck() == null) {
            return "Online on " + engine.moveGroup(o.subject(), o.target()).currentServer();
        }
        try (ServiceProber prober = new ServiceProber(group.serviceCheck().url())) {
            ServiceVerification.pause(60); // a few answers from before the move
            String server = engine.moveGroup(o.subject(), o.target()).currentServer();
            String verified = verification.verify(group, server);
            ServiceVerification.pause(60);
            prober.outage().ifPresent(d -> store.outage(o.id(), d));
            String outage = prober.outage().map(d -> String.format("%.3f s", d.toNanos() / 1e9)).orElse("not measured");
            return "Online on " + server + "; " + verified + "; client-visible outage " + outage;
        }
    }
}
