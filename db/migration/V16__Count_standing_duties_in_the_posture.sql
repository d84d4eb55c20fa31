-- The board's recovery posture also counts services whose standing duties (the ongoing items of
-- their latest launch that went live) are due: never done, or gone stale on their cadence.

ALTER TABLE service_posture ADD COLUMN duties_due boolean NOT NULL DEFAULT false;
ALTER TABLE team_posture ADD COLUMN duties_due integer NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION team_posture_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active THEN
        UPDATE team_posture SET services = services - 1,
            no_targets = no_targets - (NOT OLD.has_targets)::int,
            inconsistent_targets = inconsistent_targets - (OLD.has_targets AND NOT OLD.targets_consistent)::int,
            drills_overdue_failed = drills_overdue_failed - (OLD.restore_test_overdue OR OLD.latest_drill_failed)::int,
            runbook_incomplete = runbook_incomplete - (NOT OLD.runbook_complete)::int,
            runbook_not_exercised = runbook_not_exercised - OLD.runbook_not_exercised::int,
            duties_due = duties_due - OLD.duties_due::int
        WHERE team_id = OLD.team_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active THEN
        INSERT INTO team_posture AS p (team_id, services, no_targets, inconsistent_targets, drills_overdue_failed,
            runbook_incomplete, runbook_not_exercised, duties_due)
        VALUES (NEW.team_id, 1, (NOT NEW.has_targets)::int, (NEW.has_targets AND NOT NEW.targets_consistent)::int,
            (NEW.restore_test_overdue OR NEW.latest_drill_failed)::int, (NOT NEW.runbook_complete)::int,
            NEW.runbook_not_exercised::int, NEW.duties_due::int)
        ON CONFLICT (team_id) DO UPDATE SET services = p.services + 1,
            no_targets = p.no_targets + (NOT NEW.has_targets)::int,
            inconsistent_targets = p.inconsistent_targets + (NEW.has_targets AND NOT NEW.targets_consistent)::int,
            drills_overdue_failed = p.drills_overdue_failed + (NEW.restore_test_overdue OR NEW.latest_drill_failed)::int,
            runbook_incomplete = p.runbook_incomplete + (NOT NEW.runbook_complete)::int,
            runbook_not_exercised = p.runbook_not_exercised + NEW.runbook_not_exercised::int,
            duties_due = p.duties_due + NEW.duties_due::int;
    END IF;
    RETURN NULL;
END
$$;

-- Services with a launch that went live are worked out again at the next start, duties included.
UPDATE service_posture p SET computed_at = NULL
WHERE EXISTS (SELECT 1 FROM launch l WHERE l.service_id = p.service_id AND l.state IN ('LAUNCHED', 'CLOSED'));
