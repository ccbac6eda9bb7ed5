package dev.switchboard.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the cluster: whether each group is Online (and where), failovers, script
 * durations, and monitors in Error.
 */
@Component
class EngineMetrics {

    private final MeterRegistry registry;

    EngineMetrics(MeterRegistry registry, ClusterEngine engine) {
        this.registry = registry;
        for (GroupStatus group : engine.snapshot().groups()) {
            failovers(group.name()); // at 0 from the start, so increase() alerts see the first failover
            Gauge.builder("switchboard.group.online", engine, e -> e.snapshot().group(group.name())
                            .map(g -> g.state() == ActivationState.ONLINE ? 1.0 : 0.0).orElse(0.0))
                    .tag("group", group.name()).description("1 when the group is Online").register(registry);
            for (String server : group.servers()) {
                Gauge.builder("switchboard.group.running.on", engine, e -> e.snapshot().group(group.name())
                                .map(g -> server.equals(g.currentServer()) ? 1.0 : 0.0).orElse(0.0))
                        .tags("group", group.name(), "server", server)
                        .description("1 on the server that runs the group").register(registry);
            }
        }
        Gauge.builder("switchboard.monitors.error", engine, e -> e.snapshot().monitors().stream()
                        .flatMap(m -> m.servers().stream()).filter(s -> s.state() == MonitorState.ERROR).count())
                .description("monitor/server pairs in Error").register(registry);
    }

    @EventListener
    void on(GroupFailedOver event) {
        failovers(event.group()).increment();
    }

    private Counter failovers(String group) {
        return Counter.builder("switchboard.failovers").tag("group", group).description("automatic failovers")
                .register(registry);
    }

    @EventListener
    void on(ScriptFinished event) {
        Timer.builder("switchboard.script.duration").tags("resource", event.run().resource(), "action",
                        event.run().action(), "outcome", event.run().succeeded() ? "success" : "failure")
                .description("start and stop script runs").register(registry).record(event.run().duration());
    }
}
