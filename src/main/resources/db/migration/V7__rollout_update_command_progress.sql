-- The update command of a rolling update runs in the background: who started it and when, its exit
-- code and duration, and the last of its output are kept with the step, so the run's page shows
-- them after a reload or a restart (update_at is the time of its last change, as before).
ALTER TABLE rollout_step ADD COLUMN update_started_by  VARCHAR(64);
ALTER TABLE rollout_step ADD COLUMN update_started_at  TIMESTAMP WITH TIME ZONE;
ALTER TABLE rollout_step ADD COLUMN update_exit_code   INT;
ALTER TABLE rollout_step ADD COLUMN update_duration_ms BIGINT;
ALTER TABLE rollout_step ADD COLUMN update_output      VARCHAR(8000);
