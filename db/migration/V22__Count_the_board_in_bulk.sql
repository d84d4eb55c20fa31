-- Counting the whole board anew (a first start on existing launches, a restore) writes a summary row
-- per launch. Rolling each one up through the team's row and the board's total, row by row, updates
-- the same few rows thousands of times in a few minutes; their dead versions pile up faster than
-- they can be cleaned, and every update gets slower. A session that counts in bulk sets
-- preflight.bulk: the roll-up triggers do not fire for it, and readiness_recount() then sums the team
-- rows and the total from the summaries in one go, under a lock that makes writers of other
-- sessions wait and then apply their own changes on top.

CREATE FUNCTION counting_in_bulk() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('preflight.bulk', true), '') = 'on'
$$;

-- A summary row written while counting in bulk moves no team row; a team row moved then (by
-- readiness_recount) moves no total.
DROP TRIGGER launch_summary_rolls_up_insert_delete ON launch_summary;
CREATE TRIGGER launch_summary_rolls_up_insert_delete
    AFTER INSERT OR DELETE ON launch_summary
    FOR EACH ROW WHEN (NOT counting_in_bulk()) EXECUTE FUNCTION team_readiness_follow();

DROP TRIGGER team_readiness_totals ON team_readiness;
CREATE TRIGGER team_readiness_totals
    AFTER INSERT OR UPDATE OR DELETE ON team_readiness
    FOR EACH ROW WHEN (NOT counting_in_bulk()) EXECUTE FUNCTION readiness_total_follow();

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
