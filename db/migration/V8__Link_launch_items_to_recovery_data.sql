-- A launch item can follow the service's recovery data (targets, restore tests, runbook) instead of
-- a manual tick; the kind is copied from the template item like the rest of the snapshot.

ALTER TABLE launch_item ADD COLUMN satisfied_by text;
ALTER TABLE launch_item ADD CONSTRAINT launch_item_satisfied_by_ck
    CHECK (satisfied_by IS NULL OR satisfied_by IN ('RECOVERY_TARGETS', 'RESTORE_TEST', 'RUNBOOK'));
