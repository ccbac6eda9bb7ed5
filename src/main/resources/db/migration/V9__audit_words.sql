-- The word index of the audit trail, so that a search for a rare word reads a few rows instead
-- of every event. One row per distinct word of an event's actor, action, target and details
-- (see AuditWords); kept by a trigger in the same transaction, whoever inserts the event (or, as
-- the schema owner, removes it: retention, a change behind Switchboard's back). Not part of the
-- hash chain.
-- One BIGINT per word of an event, a hash of the word above the event's id (AuditWords.key):
-- as the primary key alone it is one compact tree that lists a word's events in id order.

CREATE TABLE audit_word (
    word_event BIGINT PRIMARY KEY
);

CREATE TRIGGER audit_event_words AFTER INSERT, UPDATE, DELETE ON audit_event FOR EACH ROW
    CALL 'dev.switchboard.audit.AuditWordIndex';

-- The events written before this migration.
CREATE ALIAS audit_index_all_words FOR 'dev.switchboard.audit.AuditWordIndex.indexAll';
CALL audit_index_all_words();
DROP ALIAS audit_index_all_words;

-- The application appends through the trigger, which runs as the appending user.
GRANT SELECT, INSERT ON audit_word TO ${app_user};
