-- An operation's result as a message key and its arguments (JSON), so its page shows it in the
-- reader's language; the English message stays in "message" as the record. Null for operations
-- that finished before this column existed: their pages show the English message.
ALTER TABLE operation ADD COLUMN result_text CHARACTER LARGE OBJECT;
