-- What the go-live board reads: readiness per launch and per checklist section, kept up to date by
-- the writes that change it, and roll-ups per team kept by triggers from those rows, so a board
-- page reads a page of rows and never the items or their history. Numbers that time alone changes
-- (a recurring item going stale, a waiver or a restore test running out, a due date passing) carry
-- the moment they next change in valid_until; rows past it are recomputed before they are read.

CREATE TABLE launch_summary (
    launch_id         bigint      NOT NULL,
    service_id        bigint      NOT NULL,
    team_id           bigint      NOT NULL,
    tier              integer     NOT NULL,
    template_id       bigint      NOT NULL,
    state             text        NOT NULL,
    -- Not launched or cancelled: counted in the roll-ups and always on the board.
    active            boolean     NOT NULL,
    target_date       date        NOT NULL,
    items             integer     NOT NULL,
    required          integer     NOT NULL,
    resolved          integer     NOT NULL,
    percent           integer     NOT NULL GENERATED ALWAYS AS
        (CASE WHEN required = 0 THEN 100 ELSE (100 * resolved) / required END) STORED,
    open_blockers     integer     NOT NULL,
    missing_sign_offs integer     NOT NULL,
    awaiting_sign_off integer     NOT NULL,
    stale             integer     NOT NULL,
    overdue           integer     NOT NULL,
    waivers           integer     NOT NULL,
    valid_until       timestamptz,
    computed_at       timestamptz NOT NULL,
    CONSTRAINT launch_summary_pk PRIMARY KEY (launch_id),
    CONSTRAINT launch_summary_launch_fk FOREIGN KEY (launch_id) REFERENCES launch (id) ON DELETE CASCADE,
    CONSTRAINT launch_summary_counts_ck CHECK (items >= 0 AND required BETWEEN 0 AND items
        AND resolved BETWEEN 0 AND required AND open_blockers >= 0 AND missing_sign_offs >= 0
        AND awaiting_sign_off >= 0 AND stale >= 0 AND overdue >= 0 AND waivers >= 0)
) WITH (fillfactor = 70);

CREATE INDEX launch_summary_active_idx ON launch_summary (target_date, launch_id) WHERE active;
CREATE INDEX launch_summary_team_idx ON launch_summary (team_id, target_date, launch_id) WHERE active;
CREATE INDEX launch_summary_tier_idx ON launch_summary (tier, target_date, launch_id) WHERE active;
CREATE INDEX launch_summary_template_idx ON launch_summary (template_id, target_date, launch_id) WHERE active;
CREATE INDEX launch_summary_state_idx ON launch_summary (state, target_date, launch_id);
CREATE INDEX launch_summary_date_idx ON launch_summary (target_date, launch_id);
CREATE INDEX launch_summary_service_idx ON launch_summary (service_id);
CREATE INDEX launch_summary_valid_idx ON launch_summary (valid_until) WHERE valid_until IS NOT NULL;

CREATE TABLE launch_section_summary (
    launch_id   bigint  NOT NULL,
    section_key text    NOT NULL,
    position    integer NOT NULL,
    title       text    NOT NULL,
    items       integer NOT NULL,
    required    integer NOT NULL,
    resolved    integer NOT NULL,
    CONSTRAINT launch_section_summary_pk PRIMARY KEY (launch_id, section_key),
    CONSTRAINT launch_section_summary_launch_fk FOREIGN KEY (launch_id) REFERENCES launch_summary (launch_id)
        ON DELETE CASCADE,
    CONSTRAINT launch_section_summary_counts_ck CHECK (required BETWEEN 0 AND items AND resolved BETWEEN 0 AND required)
) WITH (fillfactor = 70);

-- Per team: its active launches and what stands in their way.
CREATE TABLE team_readiness (
    team_id           bigint  NOT NULL,
    launches          integer NOT NULL DEFAULT 0,
    percent_sum       bigint  NOT NULL DEFAULT 0,
    open_blockers     integer NOT NULL DEFAULT 0,
    missing_sign_offs integer NOT NULL DEFAULT 0,
    stale             integer NOT NULL DEFAULT 0,
    overdue           integer NOT NULL DEFAULT 0,
    waivers           integer NOT NULL DEFAULT 0,
    CONSTRAINT team_readiness_pk PRIMARY KEY (team_id),
    CONSTRAINT team_readiness_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
) WITH (fillfactor = 70);

CREATE INDEX team_readiness_blockers_idx ON team_readiness (open_blockers DESC, team_id);

CREATE FUNCTION team_readiness_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active THEN
        UPDATE team_readiness SET launches = launches - 1, percent_sum = percent_sum - OLD.percent,
            open_blockers = open_blockers - OLD.open_blockers, missing_sign_offs = missing_sign_offs - OLD.missing_sign_offs,
            stale = stale - OLD.stale, overdue = overdue - OLD.overdue, waivers = waivers - OLD.waivers
        WHERE team_id = OLD.team_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active THEN
        INSERT INTO team_readiness AS r (team_id, launches, percent_sum, open_blockers, missing_sign_offs, stale,
            overdue, waivers)
        VALUES (NEW.team_id, 1, NEW.percent, NEW.open_blockers, NEW.missing_sign_offs, NEW.stale, NEW.overdue,
            NEW.waivers)
        ON CONFLICT (team_id) DO UPDATE SET launches = r.launches + 1, percent_sum = r.percent_sum + NEW.percent,
            open_blockers = r.open_blockers + NEW.open_blockers,
            missing_sign_offs = r.missing_sign_offs + NEW.missing_sign_offs, stale = r.stale + NEW.stale,
            overdue = r.overdue + NEW.overdue, waivers = r.waivers + NEW.waivers;
    END IF;
    RETURN NULL;
END
$$;

-- Only changes that move a roll-up touch the team's row: most item changes move a percent or a count,
-- a new valid_until alone does not.
CREATE TRIGGER launch_summary_rolls_up_insert_delete
    AFTER INSERT OR DELETE ON launch_summary
    FOR EACH ROW EXECUTE FUNCTION team_readiness_follow();

CREATE TRIGGER launch_summary_rolls_up_update
    AFTER UPDATE ON launch_summary
    FOR EACH ROW WHEN ((OLD.active, OLD.team_id, OLD.percent, OLD.open_blockers, OLD.missing_sign_offs, OLD.stale,
        OLD.overdue, OLD.waivers) IS DISTINCT FROM (NEW.active, NEW.team_id, NEW.percent, NEW.open_blockers,
        NEW.missing_sign_offs, NEW.stale, NEW.overdue, NEW.waivers))
    EXECUTE FUNCTION team_readiness_follow();

-- Recovery posture per service: what its recovery page would find wrong, kept when recovery data or
-- the runbook changes; restore tests and runbook exercises running out are time's doing (valid_until).
CREATE TABLE service_posture (
    service_id            bigint      NOT NULL,
    team_id               bigint      NOT NULL,
    -- Not retired: only services in use count in the posture.
    active                boolean     NOT NULL,
    has_targets           boolean     NOT NULL DEFAULT false,
    targets_consistent    boolean     NOT NULL DEFAULT true,
    last_restore_test     date,
    latest_drill_failed   boolean     NOT NULL DEFAULT false,
    restore_test_overdue  boolean     NOT NULL DEFAULT true,
    runbook_complete      boolean     NOT NULL DEFAULT false,
    runbook_exercised     date,
    runbook_not_exercised boolean     NOT NULL DEFAULT true,
    valid_until           timestamptz,
    computed_at           timestamptz,
    CONSTRAINT service_posture_pk PRIMARY KEY (service_id),
    CONSTRAINT service_posture_service_fk FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) WITH (fillfactor = 70);

CREATE INDEX service_posture_valid_idx ON service_posture (valid_until) WHERE valid_until IS NOT NULL;
CREATE INDEX service_posture_pending_idx ON service_posture (service_id) WHERE computed_at IS NULL;
CREATE INDEX service_posture_team_idx ON service_posture (team_id);

CREATE TABLE team_posture (
    team_id               bigint  NOT NULL,
    services              integer NOT NULL DEFAULT 0,
    no_targets            integer NOT NULL DEFAULT 0,
    inconsistent_targets  integer NOT NULL DEFAULT 0,
    drills_overdue_failed integer NOT NULL DEFAULT 0,
    runbook_incomplete    integer NOT NULL DEFAULT 0,
    runbook_not_exercised integer NOT NULL DEFAULT 0,
    CONSTRAINT team_posture_pk PRIMARY KEY (team_id),
    CONSTRAINT team_posture_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

CREATE FUNCTION team_posture_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active THEN
        UPDATE team_posture SET services = services - 1,
            no_targets = no_targets - (NOT OLD.has_targets)::int,
            inconsistent_targets = inconsistent_targets - (OLD.has_targets AND NOT OLD.targets_consistent)::int,
            drills_overdue_failed = drills_overdue_failed - (OLD.restore_test_overdue OR OLD.latest_drill_failed)::int,
            runbook_incomplete = runbook_incomplete - (NOT OLD.runbook_complete)::int,
            runbook_not_exercised = runbook_not_exercised - OLD.runbook_not_exercised::int
        WHERE team_id = OLD.team_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active THEN
        INSERT INTO team_posture AS p (team_id, services, no_targets, inconsistent_targets, drills_overdue_failed,
            runbook_incomplete, runbook_not_exercised)
        VALUES (NEW.team_id, 1, (NOT NEW.has_targets)::int, (NEW.has_targets AND NOT NEW.targets_consistent)::int,
            (NEW.restore_test_overdue OR NEW.latest_drill_failed)::int, (NOT NEW.runbook_complete)::int,
            NEW.runbook_not_exercised::int)
        ON CONFLICT (team_id) DO UPDATE SET services = p.services + 1,
            no_targets = p.no_targets + (NOT NEW.has_targets)::int,
            inconsistent_targets = p.inconsistent_targets + (NEW.has_targets AND NOT NEW.targets_consistent)::int,
            drills_overdue_failed = p.drills_overdue_failed + (NEW.restore_test_overdue OR NEW.latest_drill_failed)::int,
            runbook_incomplete = p.runbook_incomplete + (NOT NEW.runbook_complete)::int,
            runbook_not_exercised = p.runbook_not_exercised + NEW.runbook_not_exercised::int;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER service_posture_rolls_up
    AFTER INSERT OR UPDATE OR DELETE ON service_posture
    FOR EACH ROW EXECUTE FUNCTION team_posture_follow();

-- A new service starts with nothing set up: no targets, no restore test, no runbook.
CREATE FUNCTION service_posture_start() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO service_posture (service_id, team_id, active, computed_at)
    VALUES (NEW.id, NEW.team_id, NEW.lifecycle <> 'RETIRED', now());
    RETURN NULL;
END
$$;

CREATE TRIGGER service_posture_starts
    AFTER INSERT ON service
    FOR EACH ROW EXECUTE FUNCTION service_posture_start();

-- A service that moves to another team, changes tier or retires takes its rows along.
CREATE FUNCTION service_rows_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE launch_summary SET team_id = NEW.team_id, tier = NEW.tier
    WHERE service_id = NEW.id AND (team_id, tier) IS DISTINCT FROM (NEW.team_id, NEW.tier);
    UPDATE service_posture SET team_id = NEW.team_id, active = NEW.lifecycle <> 'RETIRED'
    WHERE service_id = NEW.id AND (team_id, active) IS DISTINCT FROM (NEW.team_id, NEW.lifecycle <> 'RETIRED');
    RETURN NULL;
END
$$;

CREATE TRIGGER service_rows_follow
    AFTER UPDATE OF team_id, tier, lifecycle ON service
    FOR EACH ROW EXECUTE FUNCTION service_rows_follow();

-- A launch's state is copied to its summary, so a launch that goes live or is cancelled leaves the roll-ups.
CREATE FUNCTION launch_summary_state_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE launch_summary SET state = NEW.state, active = NEW.state NOT IN ('LAUNCHED', 'CANCELLED')
    WHERE launch_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER launch_state_follows
    AFTER UPDATE OF state ON launch
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION launch_summary_state_follow();

-- Every existing service gets its posture row, to be computed by Preflight at its next start.
INSERT INTO service_posture (service_id, team_id, active)
SELECT id, team_id, lifecycle <> 'RETIRED' FROM service;

-- Daily snapshots for the trends: each active launch's progress (its burn-up), and each team's
-- roll-up (the board's readiness over the last weeks). Taken once a day by one instance.
CREATE TABLE launch_progress_day (
    launch_id bigint  NOT NULL,
    day       date    NOT NULL,
    required  integer NOT NULL,
    resolved  integer NOT NULL,
    CONSTRAINT launch_progress_day_pk PRIMARY KEY (launch_id, day),
    CONSTRAINT launch_progress_day_launch_fk FOREIGN KEY (launch_id) REFERENCES launch (id) ON DELETE CASCADE
);

CREATE TABLE team_readiness_day (
    day           date    NOT NULL,
    team_id       bigint  NOT NULL,
    launches      integer NOT NULL,
    percent_sum   bigint  NOT NULL,
    open_blockers integer NOT NULL,
    CONSTRAINT team_readiness_day_pk PRIMARY KEY (team_id, day),
    CONSTRAINT team_readiness_day_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- The same for all teams together, one row a day, so the board's trend reads a few dozen rows.
CREATE TABLE readiness_day (
    day           date    NOT NULL,
    launches      integer NOT NULL,
    percent_sum   bigint  NOT NULL,
    open_blockers integer NOT NULL,
    CONSTRAINT readiness_day_pk PRIMARY KEY (day)
);
