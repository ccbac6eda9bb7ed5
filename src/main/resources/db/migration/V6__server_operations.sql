-- A server's standby holds every group that can run there and belongs to none of them.
ALTER TABLE operation ALTER COLUMN group_name SET NULL;
