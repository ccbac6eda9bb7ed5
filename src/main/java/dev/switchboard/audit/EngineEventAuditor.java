package dev.switchboard.audit;

import dev.switchboard.audit.AuditRecord.Outcome;
import dev.switchboard.cluster.ClusterDefinition;
import dev.switchboard.cluster.FailoverGroup;
import dev.switchboard.engine.ActivationState;
import dev.switchboard.engine.ClusterChanged;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.GroupFailedOver;
import dev.switchboard.engine.GroupStateChanged;
import dev.switchboard.engine.MonitorRecoveryStarted;
import dev.switchboard.engine.MonitorState;
import dev.switchboard.engine.MonitorStateChanged;
import dev.switchboard.engine.ResourceStateChanged;
import dev.switchboard.engine.ScriptFinished;
import dev.switchboard.engine.ServerState;
import dev.switchboard.engine.ServerStateChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every engine event on the record with actor {@code system}. It listens on the engine's own
 * thread and describes the event; {@link AuditWriter} writes it, in order, and the engine goes on once
 * the row is in the trail (a row still queued would be lost to {@code kill -9}), or after a bounded wait.
 */
@Component
class EngineEventAuditor {

    private final AuditWriter writer;
    private final ClusterDefinition definition;
    private final ObjectProvider<RunningOperations> operations;

    EngineEventAuditor(AuditWriter writer, ClusterDefinition definition, ObjectProvider<RunningOperations> operations) {
        this.writer = writer;
        this.definition = definition;
        this.operations = operations;
    }

    @EventListener
    void on(EngineEvent event) {
        if (event instanceof ClusterChanged) {
            return; // only redraws open pages; what matters has an event of its own
        }
        AuditRecord described = toRecord(event);
        String group = groupOf(event);
        // looked up now, not on the writer thread: the operation may finish before the row is written
        String operation = group == null ? null : operations.stream().map(o -> o.operationOn(group))
                .flatMap(java.util.Optional::stream).findFirst().orElse(null);
        writer.acknowledged(described.on(group, described.server()).withOperation(operation), event.at());
    }

    static AuditRecord toRecord(EngineEvent event) {
        if (event instanceof GroupStateChanged g) {
            return AuditRecord.system("group-state", g.group(), outcome(g.to()),
                    g.from().word() + " → " + g.to().word() + on(g.server()) + because(g.reason()))
                    .on(null, g.server()).states(g.from().word(), g.to().word());
        }
        if (event instanceof ResourceStateChanged r) {
            return AuditRecord.system("resource-state", r.resource(), outcome(r.to()),
                    r.from().word() + " → " + r.to().word() + on(r.server()) + because(r.reason()))
                    .on(null, r.server()).states(r.from().word(), r.to().word());
        }
        if (event instanceof MonitorStateChanged m) {
            return AuditRecord.system("monitor-state", m.monitor(), m.to() == MonitorState.ERROR ? Outcome.FAILURE
                    : Outcome.INFO, m.from().word() + " → " + m.to().word() + on(m.server()) + because(m.reason()))
                    .on(null, m.server()).states(m.from().word(), m.to().word());
        }
        if (event instanceof GroupFailedOver f) {
            return AuditRecord.system("group-failover", f.group(), Outcome.INFO,
                    f.fromServer() + " → " + f.toServer() + because(f.cause())).on(null, f.toServer());
        }
        if (event instanceof ServerStateChanged s) {
            return AuditRecord.system("server-state", s.server(), s.to() == ServerState.OFFLINE ? Outcome.FAILURE
                    : Outcome.INFO, s.from().word() + " → " + s.to().word()).on(null, s.server())
                    .states(s.from().word(), s.to().word());
        }
        if (event instanceof MonitorRecoveryStarted m) {
            return AuditRecord.system("monitor-recovery", m.monitor(), Outcome.INFO,
                    m.action() + on(m.server()) + because(m.reason())).on(null, m.server());
        }
        ScriptFinished s = (ScriptFinished) event;
        return AuditRecord.system("script-" + s.run().action(), s.run().resource(),
                s.run().succeeded() ? Outcome.SUCCESS : Outcome.FAILURE,
                "exit " + s.run().exitCode() + (s.run().timedOut() ? " (timed out)" : "") + " after "
                        + s.run().duration().toMillis() + " ms" + on(s.run().server()) + ", CLP_EVENT="
                        + s.run().event() + ", log " + s.run().logFile()).on(null, s.run().server());
    }

    /** The group an event concerns: named in it, or the group a monitor recovers. */
    private String groupOf(EngineEvent event) {
        if (event instanceof GroupStateChanged g) {
            return g.group();
        }
        if (event instanceof ResourceStateChanged r) {
            return r.group();
        }
        if (event instanceof GroupFailedOver f) {
            return f.group();
        }
        if (event instanceof ScriptFinished s) {
            return s.group();
        }
        if (event instanceof ServerStateChanged) {
            return null;
        }
        String monitor = event instanceof MonitorStateChanged m ? m.monitor() : ((MonitorRecoveryStarted) event).monitor();
        return definition.monitor(monitor).map(m -> m.recovery().target())
                .flatMap(t -> definition.group(t).or(() -> definition.groupOfResource(t)))
                .map(FailoverGroup::name).orElse(null);
    }

    private static Outcome outcome(ActivationState to) {
        return to == ActivationState.ONLINE_FAILURE || to == ActivationState.OFFLINE_FAILURE ? Outcome.FAILURE
                : Outcome.INFO;
    }

    private static String on(String server) {
        return server == null ? "" : " on " + server;
    }

    private static String because(String reason) {
        return reason == null ? "" : " (" + reason + ")";
    }
}
