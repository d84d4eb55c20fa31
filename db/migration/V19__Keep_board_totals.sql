-- The whole board's sums (readiness and recovery posture over every team), kept as the team rows
-- change instead of summed from every team's row on each board read, which grows with the number
-- of teams. Each database session adds to its own stripe (its process id modulo 32), so writers on
-- different sessions do not wait on one row; a read sums 32 rows whatever the number of teams.

CREATE TABLE readiness_total (
    stripe            smallint NOT NULL,
    launches          integer  NOT NULL DEFAULT 0,
    percent_sum       bigint   NOT NULL DEFAULT 0,
    open_blockers     integer  NOT NULL DEFAULT 0,
    missing_sign_offs integer  NOT NULL DEFAULT 0,
    stale             integer  NOT NULL DEFAULT 0,
    overdue           integer  NOT NULL DEFAULT 0,
    waivers           integer  NOT NULL DEFAULT 0,
    CONSTRAINT readiness_total_pk PRIMARY KEY (stripe),
    CONSTRAINT readiness_total_stripe_ck CHECK (stripe BETWEEN 0 AND 31)
) WITH (fillfactor = 50);

CREATE TABLE posture_total (
    stripe                smallint NOT NULL,
    services              integer  NOT NULL DEFAULT 0,
    no_targets            integer  NOT NULL DEFAULT 0,
    inconsistent_targets  integer  NOT NULL DEFAULT 0,
    drills_overdue_failed integer  NOT NULL DEFAULT 0,
    runbook_incomplete    integer  NOT NULL DEFAULT 0,
    runbook_not_exercised integer  NOT NULL DEFAULT 0,
    duties_due            integer  NOT NULL DEFAULT 0,
    CONSTRAINT posture_total_pk PRIMARY KEY (stripe),
    CONSTRAINT posture_total_stripe_ck CHECK (stripe BETWEEN 0 AND 31)
) WITH (fillfactor = 50);

INSERT INTO readiness_total (stripe) SELECT s FROM generate_series(0, 31) s;
INSERT INTO posture_total (stripe) SELECT s FROM generate_series(0, 31) s;

UPDATE readiness_total SET launches = t.launches, percent_sum = t.percent_sum, open_blockers = t.open_blockers,
    missing_sign_offs = t.missing_sign_offs, stale = t.stale, overdue = t.overdue, waivers = t.waivers
FROM (SELECT coalesce(sum(launches), 0) AS launches, coalesce(sum(percent_sum), 0) AS percent_sum,
        coalesce(sum(open_blockers), 0) AS open_blockers, coalesce(sum(missing_sign_offs), 0) AS missing_sign_offs,
        coalesce(sum(stale), 0) AS stale, coalesce(sum(overdue), 0) AS overdue, coalesce(sum(waivers), 0) AS waivers
      FROM team_readiness) t
WHERE stripe = 0;

UPDATE posture_total SET services = t.services, no_targets = t.no_targets,
    inconsistent_targets = t.inconsistent_targets, drills_overdue_failed = t.drills_overdue_failed,
    runbook_incomplete = t.runbook_incomplete, runbook_not_exercised = t.runbook_not_exercised,
    duties_due = t.duties_due
FROM (SELECT coalesce(sum(services), 0) AS services, coalesce(sum(no_targets), 0) AS no_targets,
        coalesce(sum(inconsistent_targets), 0) AS inconsistent_targets,
        coalesce(sum(drills_overdue_failed), 0) AS drills_overdue_failed,
        coalesce(sum(runbook_incomplete), 0) AS runbook_incomplete,
        coalesce(sum(runbook_not_exercised), 0) AS runbook_not_exercised, coalesce(sum(duties_due), 0) AS duties_due
      FROM team_posture) t
WHERE stripe = 0;

CREATE FUNCTION readiness_total_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was team_readiness%ROWTYPE;
    now_is team_readiness%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        was := OLD;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        now_is := NEW;
    END IF;
    UPDATE readiness_total SET
        launches = launches + coalesce(now_is.launches, 0) - coalesce(was.launches, 0),
        percent_sum = percent_sum + coalesce(now_is.percent_sum, 0) - coalesce(was.percent_sum, 0),
        open_blockers = open_blockers + coalesce(now_is.open_blockers, 0) - coalesce(was.open_blockers, 0),
        missing_sign_offs = missing_sign_offs + coalesce(now_is.missing_sign_offs, 0) - coalesce(was.missing_sign_offs, 0),
        stale = stale + coalesce(now_is.stale, 0) - coalesce(was.stale, 0),
        overdue = overdue + coalesce(now_is.overdue, 0) - coalesce(was.overdue, 0),
        waivers = waivers + coalesce(now_is.waivers, 0) - coalesce(was.waivers, 0)
    WHERE stripe = pg_backend_pid() % 32;
    RETURN NULL;
END
$$;

CREATE TRIGGER team_readiness_totals
    AFTER INSERT OR UPDATE OR DELETE ON team_readiness
    FOR EACH ROW EXECUTE FUNCTION readiness_total_follow();

CREATE FUNCTION posture_total_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was team_posture%ROWTYPE;
    now_is team_posture%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        was := OLD;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        now_is := NEW;
    END IF;
    UPDATE posture_total SET
        services = services + coalesce(now_is.services, 0) - coalesce(was.services, 0),
        no_targets = no_targets + coalesce(now_is.no_targets, 0) - coalesce(was.no_targets, 0),
        inconsistent_targets = inconsistent_targets + coalesce(now_is.inconsistent_targets, 0)
            - coalesce(was.inconsistent_targets, 0),
        drills_overdue_failed = drills_overdue_failed + coalesce(now_is.drills_overdue_failed, 0)
            - coalesce(was.drills_overdue_failed, 0),
        runbook_incomplete = runbook_incomplete + coalesce(now_is.runbook_incomplete, 0)
            - coalesce(was.runbook_incomplete, 0),
        runbook_not_exercised = runbook_not_exercised + coalesce(now_is.runbook_not_exercised, 0)
            - coalesce(was.runbook_not_exercised, 0),
        duties_due = duties_due + coalesce(now_is.duties_due, 0) - coalesce(was.duties_due, 0)
    WHERE stripe = pg_backend_pid() % 32;
    RETURN NULL;
END
$$;

CREATE TRIGGER team_posture_totals
    AFTER INSERT OR UPDATE OR DELETE ON team_posture
    FOR EACH ROW EXECUTE FUNCTION posture_total_follow();
