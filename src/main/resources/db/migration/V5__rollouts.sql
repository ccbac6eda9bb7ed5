-- Rolling updates: a saved checklist per group that survives restarts and changes hands.

-- A move made as a step of a rolling update names its run; a move records the outage its
-- prober measured at the floating address.
ALTER TABLE operation ADD COLUMN part_of VARCHAR(36);
ALTER TABLE operation ADD COLUMN outage_ms BIGINT;
CREATE INDEX operation_part_of ON operation (part_of, requested_at);

CREATE TABLE rollout (
    id               VARCHAR(36)  PRIMARY KEY,
    group_name       VARCHAR(64)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    target_version   VARCHAR(64)  NOT NULL,
    home_server      VARCHAR(64)  NOT NULL,
    standby_server   VARCHAR(64)  NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    current_step     INT          NOT NULL,
    current_operator VARCHAR(64)  NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    finish_reason    VARCHAR(1000),
    -- the group while the run is open, NULL after: at most one open run per group
    open_group       VARCHAR(64)
);
CREATE UNIQUE INDEX rollout_one_open_per_group ON rollout (open_group);
CREATE INDEX rollout_group ON rollout (group_name, created_at);

CREATE TABLE rollout_step (
    rollout_id   VARCHAR(36)   NOT NULL REFERENCES rollout (id),
    step         INT           NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    signed_by    VARCHAR(64),
    signed_at    TIMESTAMP WITH TIME ZONE,
    note         VARCHAR(2000),
    reason       VARCHAR(1000),
    checks       VARCHAR(16000),
    operation_id VARCHAR(36),
    outage_ms    BIGINT,
    -- the last run of the update command from this step: RUNNING, SUCCEEDED, FAILED or INTERRUPTED
    update_state  VARCHAR(16),
    update_at     TIMESTAMP WITH TIME ZONE,
    update_result VARCHAR(1000),
    PRIMARY KEY (rollout_id, step)
);

CREATE TABLE rollout_handover (
    rollout_id    VARCHAR(36) NOT NULL REFERENCES rollout (id),
    step          INT         NOT NULL,
    from_operator VARCHAR(64) NOT NULL,
    to_operator   VARCHAR(64) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rollout_handover_run ON rollout_handover (rollout_id, at);

GRANT SELECT, INSERT, UPDATE ON rollout TO ${app_user};
GRANT SELECT, INSERT, UPDATE ON rollout_step TO ${app_user};
GRANT SELECT, INSERT ON rollout_handover TO ${app_user};
