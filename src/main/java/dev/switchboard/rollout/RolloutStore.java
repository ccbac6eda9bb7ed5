package dev.switchboard.rollout;

import dev.switchboard.operations.Check;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rolling-update runs in H2, so a run survives restarts and any operator can continue it. */
@Repository
class RolloutStore {

    private static final TypeReference<List<Check>> CHECKS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RolloutStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the group already has an open run */
    @Transactional
    void insert(Rollout run) {
        jdbc.sql("""
                INSERT INTO rollout (id, group_name, title, target_version, home_server, standby_server, created_by,
                                     created_at, state, current_step, current_operator, open_group)
                VALUES (:id, :group, :title, :version, :home, :standby, :by, :at, 'OPEN', 0, :by, :group)""")
                .param("id", run.id()).param("group", run.group()).param("title", run.title())
                .param("version", run.targetVersion()).param("home", run.home()).param("standby", run.standby())
                .param("by", run.createdBy()).param("at", time(run.createdAt())).update();
        for (RolloutStep step : RolloutStep.values()) {
            jdbc.sql("""
                    INSERT INTO rollout_step (rollout_id, step, state, started_at)
                    VALUES (:id, :step, :state, :started)""")
                    .param("id", run.id()).param("step", step.number())
                    .param("state", step.number() == 0 ? "CURRENT" : "PENDING")
                    .param("started", step.number() == 0 ? time(run.createdAt()) : null).update();
        }
    }

    /**
     * Signs off {@code record}'s step and makes the next one current, or finishes the run after the
     * last; false (and nothing changed) when the step was no longer current.
     */
    @Transactional
    boolean finishStep(String id, StepRecord record, Instant at) {
        int changed = jdbc.sql("""
                UPDATE rollout_step SET state = :state, signed_by = :by, signed_at = :at, note = :note,
                       reason = :reason, checks = :checks, operation_id = :operation, outage_ms = :outage
                WHERE rollout_id = :id AND step = :step AND state = 'CURRENT'""")
                .param("state", record.state().name()).param("by", record.signedBy()).param("at", time(at))
                .param("note", record.note()).param("reason", record.reason())
                .param("checks", json.writeValueAsString(record.checks())).param("operation", record.operationId())
                .param("outage", record.outage() == null ? null : record.outage().toMillis())
                .param("id", id).param("step", record.step().number()).update();
        if (changed == 0) {
            return false;
        }
        if (record.step().last()) {
            jdbc.sql("""
                    UPDATE rollout SET state = 'COMPLETED', finished_at = :at, open_group = NULL WHERE id = :id""")
                    .param("at", time(at)).param("id", id).update();
            return true;
        }
        int next = record.step().number() + 1;
        jdbc.sql("UPDATE rollout SET current_step = :next WHERE id = :id").param("next", next).param("id", id).update();
        jdbc.sql("UPDATE rollout_step SET state = 'CURRENT', started_at = :at WHERE rollout_id = :id AND step = :next")
                .param("at", time(at)).param("id", id).param("next", next).update();
        return true;
    }

    /** Keeps the state of a step's update command: at its start, and again when it ended. */
    void saveUpdateCommand(String id, RolloutStep step, UpdateCommandRun command) {
        jdbc.sql("""
                UPDATE rollout_step SET update_state = :state, update_at = :at, update_result = :result,
                       update_started_by = :by, update_started_at = :started, update_exit_code = :exit,
                       update_duration_ms = :duration, update_output = :output
                WHERE rollout_id = :id AND step = :step""")
                .param("state", command.state().name()).param("at", time(command.at()))
                .param("result", command.result()).param("by", command.startedBy())
                .param("started", time(command.startedAt())).param("exit", command.exitCode())
                .param("duration", command.duration() == null ? null : command.duration().toMillis())
                .param("output", command.output()).param("id", id).param("step", step.number()).update();
    }

    /**
     * Update commands that were running when Switchboard stopped, each now marked INTERRUPTED on
     * the record: the run's id and step with the command as it is now recorded.
     */
    @Transactional
    List<Interrupted> interruptRunningUpdates(Instant at) {
        List<Interrupted> interrupted = jdbc.sql("SELECT * FROM rollout_step WHERE update_state = 'RUNNING'")
                .query((rs, n) -> new Interrupted(rs.getString("rollout_id"), RolloutStep.of(rs.getInt("step")),
                        updateCommand(rs).interrupted(at)))
                .list();
        interrupted.forEach(i -> saveUpdateCommand(i.runId(), i.step(), i.command()));
        return interrupted;
    }

    record Interrupted(String runId, RolloutStep step, UpdateCommandRun command) {
    }

    void abandon(String id, String reason, Instant at) {
        jdbc.sql("""
                UPDATE rollout SET state = 'ABANDONED', finished_at = :at, finish_reason = :reason, open_group = NULL
                WHERE id = :id""").param("at", time(at)).param("reason", reason).param("id", id).update();
    }

    @Transactional
    void handOver(String id, RolloutStep step, String from, String to, Instant at) {
        jdbc.sql("""
                INSERT INTO rollout_handover (rollout_id, step, from_operator, to_operator, at)
                VALUES (:id, :step, :from, :to, :at)""")
                .param("id", id).param("step", step.number()).param("from", from).param("to", to).param("at", time(at))
                .update();
        jdbc.sql("UPDATE rollout SET current_operator = :to WHERE id = :id").param("to", to).param("id", id).update();
    }

    Optional<Rollout> find(String id) {
        return jdbc.sql("SELECT * FROM rollout WHERE id = :id").param("id", id)
                .query((rs, n) -> new Rollout(rs.getString("id"), rs.getString("group_name"), rs.getString("title"),
                        rs.getString("target_version"), rs.getString("home_server"), rs.getString("standby_server"),
                        rs.getString("created_by"), instant(rs.getObject("created_at", OffsetDateTime.class)),
                        Rollout.State.valueOf(rs.getString("state")), RolloutStep.of(rs.getInt("current_step")),
                        rs.getString("current_operator"), instant(rs.getObject("finished_at", OffsetDateTime.class)),
                        rs.getString("finish_reason"), List.of(), List.of()))
                .optional()
                .map(run -> new Rollout(run.id(), run.group(), run.title(), run.targetVersion(), run.home(),
                        run.standby(), run.createdBy(), run.createdAt(), run.state(), run.currentStep(),
                        run.currentOperator(), run.finishedAt(), run.finishReason(), steps(id), handovers(id)));
    }

    Optional<String> openRunOf(String group) {
        return jdbc.sql("SELECT id FROM rollout WHERE open_group = :group").param("group", group)
                .query(String.class).optional();
    }

    /** The newest runs first. */
    List<String> recent(int limit) {
        return jdbc.sql("SELECT id FROM rollout ORDER BY created_at DESC LIMIT :limit").param("limit", limit)
                .query(String.class).list();
    }

    private List<StepRecord> steps(String id) {
        return jdbc.sql("SELECT * FROM rollout_step WHERE rollout_id = :id ORDER BY step").param("id", id)
                .query((rs, n) -> new StepRecord(RolloutStep.of(rs.getInt("step")),
                        StepRecord.State.valueOf(rs.getString("state")),
                        instant(rs.getObject("started_at", OffsetDateTime.class)), rs.getString("signed_by"),
                        instant(rs.getObject("signed_at", OffsetDateTime.class)), rs.getString("note"),
                        rs.getString("reason"), checks(rs.getString("checks")), rs.getString("operation_id"),
                        rs.getObject("outage_ms") == null ? null : Duration.ofMillis(rs.getLong("outage_ms")),
                        updateCommand(rs)))
                .list();
    }

    /** The step's update command; runs recorded before its start was kept count as started at their last change. */
    private static UpdateCommandRun updateCommand(java.sql.ResultSet rs) throws java.sql.SQLException {
        String state = rs.getString("update_state");
        if (state == null) {
            return null;
        }
        UpdateCommandRun.State parsed = UpdateCommandRun.State.valueOf(state);
        Instant at = instant(rs.getObject("update_at", OffsetDateTime.class));
        Instant started = instant(rs.getObject("update_started_at", OffsetDateTime.class));
        Object exit = rs.getObject("update_exit_code");
        Object duration = rs.getObject("update_duration_ms");
        return new UpdateCommandRun(parsed, rs.getString("update_started_by"), started == null ? at : started,
                parsed.finished() ? at : null, exit == null ? null : ((Number) exit).intValue(),
                duration == null ? null : Duration.ofMillis(((Number) duration).longValue()),
                rs.getString("update_result"), rs.getString("update_output") == null ? "" : rs.getString("update_output"));
    }

    private List<Rollout.Handover> handovers(String id) {
        return jdbc.sql("SELECT * FROM rollout_handover WHERE rollout_id = :id ORDER BY at").param("id", id)
                .query((rs, n) -> new Rollout.Handover(RolloutStep.of(rs.getInt("step")), rs.getString("from_operator"),
                        rs.getString("to_operator"), instant(rs.getObject("at", OffsetDateTime.class))))
                .list();
    }

    private List<Check> checks(String text) {
        return text == null ? List.of() : json.readValue(text, CHECKS);
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
