-- Counting the whole board anew (a first start on existing launches, a restore) writes a summary row
-- per launch. Rolling each one up through the team's row and the board's total, row by row, updates
-- the same few rows thousands of times in a few minutes; their dead versions pile up faster than
-- they can be cleaned, and every update gets slower. A session that counts in bulk sets
-- preflight.bulk: the roll-up triggers leave it alone, and readiness_recount() then sums the team
-- rows and the total from the summaries in one go, under a lock that makes writers of other
-- sessions wait and then apply their own changes on top.

CREATE OR REPLACE FUNCTION team_readiness_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('preflight.bulk', true) = 'on' THEN
        RETURN NULL;
    END IF;
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

CREATE OR REPLACE FUNCTION readiness_total_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was team_readiness%ROWTYPE;
    now_is team_readiness%ROWTYPE;
BEGIN
    IF current_setting('preflight.bulk', true) = 'on' THEN
        RETURN NULL;
    END IF;
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

-- Every team's row and the board's total summed afresh from the launch summaries.
CREATE FUNCTION readiness_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE team_readiness, readiness_total IN EXCLUSIVE MODE;
    PERFORM set_config('preflight.bulk', 'on', true);
    UPDATE team_readiness SET launches = 0, percent_sum = 0, open_blockers = 0, missing_sign_offs = 0, stale = 0,
        overdue = 0, waivers = 0
    WHERE launches <> 0 OR percent_sum <> 0 OR open_blockers <> 0 OR missing_sign_offs <> 0 OR stale <> 0
        OR overdue <> 0 OR waivers <> 0;
    INSERT INTO team_readiness AS r (team_id, launches, percent_sum, open_blockers, missing_sign_offs, stale,
        overdue, waivers)
    SELECT team_id, count(*), sum(percent), sum(open_blockers), sum(missing_sign_offs), sum(stale), sum(overdue),
        sum(waivers)
    FROM launch_summary WHERE active GROUP BY team_id
    ON CONFLICT (team_id) DO UPDATE SET launches = EXCLUDED.launches, percent_sum = EXCLUDED.percent_sum,
        open_blockers = EXCLUDED.open_blockers, missing_sign_offs = EXCLUDED.missing_sign_offs,
        stale = EXCLUDED.stale, overdue = EXCLUDED.overdue, waivers = EXCLUDED.waivers;
    UPDATE readiness_total SET launches = 0, percent_sum = 0, open_blockers = 0, missing_sign_offs = 0, stale = 0,
        overdue = 0, waivers = 0;
    UPDATE readiness_total SET (launches, percent_sum, open_blockers, missing_sign_offs, stale, overdue, waivers) =
        (SELECT coalesce(sum(launches), 0), coalesce(sum(percent_sum), 0), coalesce(sum(open_blockers), 0),
            coalesce(sum(missing_sign_offs), 0), coalesce(sum(stale), 0), coalesce(sum(overdue), 0),
            coalesce(sum(waivers), 0)
         FROM team_readiness)
    WHERE stripe = 0;
    PERFORM set_config('preflight.bulk', 'off', true);
END
$$;
