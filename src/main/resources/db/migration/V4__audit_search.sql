-- The audit viewer: columns to filter on, indexes that deliver newest-first pages without
-- sorting, and the record of archived events. Each filter index ends in id, so a query that
-- names the column and orders by (column, id) reads the index in order and stops at the page.

ALTER TABLE audit_event ADD COLUMN operation_id VARCHAR(36);
ALTER TABLE audit_event ADD COLUMN group_name   VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN server       VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN state_before VARCHAR(32);
ALTER TABLE audit_event ADD COLUMN state_after  VARCHAR(32);

CREATE INDEX audit_event_operation ON audit_event (operation_id, id);
CREATE INDEX audit_event_actor     ON audit_event (actor, id);
CREATE INDEX audit_event_action    ON audit_event (action, id);
CREATE INDEX audit_event_group     ON audit_event (group_name, id);
CREATE INDEX audit_event_server    ON audit_event (server, id);
CREATE INDEX audit_event_outcome   ON audit_event (outcome, id);

-- Events moved out by retention: which ids, the file that holds them and its checksum, and the
-- hash of the last one, from which the chain in audit_event continues.
CREATE TABLE audit_archive (
    first_id    BIGINT       PRIMARY KEY,
    last_id     BIGINT       NOT NULL,
    last_hash   CHAR(64)     NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    file_sha256 CHAR(64)     NOT NULL,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Archiving deletes rows as the schema owner; the application itself only reads the record.
GRANT SELECT ON audit_archive TO ${app_user};
