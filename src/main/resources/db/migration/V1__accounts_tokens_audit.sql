-- Run by Flyway as the schema owner. The application connects as ${app_user}, which may only
-- read and append to the audit trail: no UPDATE or DELETE on audit_event.

CREATE TABLE account (
    name          VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_token (
    id         VARCHAR(36)  PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    token_hash CHAR(64)     NOT NULL UNIQUE,
    account    VARCHAR(64)  NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE kiosk_link (
    id         VARCHAR(36)  PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    token_hash CHAR(64)     NOT NULL UNIQUE,
    created_by VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE audit_event (
    id        BIGINT        PRIMARY KEY,
    at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor     VARCHAR(64)   NOT NULL,
    role      VARCHAR(16),
    source    VARCHAR(64),
    action    VARCHAR(64)   NOT NULL,
    target    VARCHAR(200),
    outcome   VARCHAR(16)   NOT NULL,
    details   VARCHAR(4000),
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);

CREATE INDEX audit_event_at ON audit_event (at);

CREATE USER IF NOT EXISTS ${app_user} PASSWORD '${app_password}';
GRANT SELECT, INSERT, UPDATE, DELETE ON account, api_token, kiosk_link TO ${app_user};
GRANT SELECT, INSERT ON audit_event TO ${app_user};
