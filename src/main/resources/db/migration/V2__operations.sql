-- Operations requested by operators or scripts, from request to result.
CREATE TABLE operation (
    id           VARCHAR(36)  PRIMARY KEY,
    kind         VARCHAR(32)  NOT NULL,
    subject      VARCHAR(64)  NOT NULL,
    group_name   VARCHAR(64)  NOT NULL,
    target       VARCHAR(64),
    reason       VARCHAR(1000),
    requested_by VARCHAR(64)  NOT NULL,
    role         VARCHAR(16),
    source       VARCHAR(64),
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    message      VARCHAR(4000)
);

CREATE INDEX operation_group ON operation (group_name, requested_at);

GRANT SELECT, INSERT, UPDATE ON operation TO ${app_user};
