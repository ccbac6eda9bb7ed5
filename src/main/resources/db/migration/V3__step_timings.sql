-- How long each resource took to start or stop, for the expected durations in a move's plan.
CREATE TABLE step_timing (
    resource    VARCHAR(64) NOT NULL,
    action      VARCHAR(8)  NOT NULL,
    duration_ms BIGINT      NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX step_timing_lookup ON step_timing (resource, action, at);

GRANT SELECT, INSERT ON step_timing TO ${app_user};
