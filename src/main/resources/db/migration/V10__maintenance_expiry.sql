-- Maintenance mode switched on with an expiry: Switchboard switches it off again when it is due,
-- also after a restart in between. One row per "on" operation; gone once switched off.
CREATE TABLE maintenance_expiry (
    operation_id VARCHAR(36)  PRIMARY KEY,
    scope        VARCHAR(16)  NOT NULL,
    subject      VARCHAR(255) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX maintenance_expiry_due ON maintenance_expiry (expires_at);

-- Pacemaker ids of any resource may be longer than cluster.yml's names.
ALTER TABLE operation ALTER COLUMN subject VARCHAR(255);

GRANT SELECT, INSERT, DELETE ON maintenance_expiry TO ${app_user};
