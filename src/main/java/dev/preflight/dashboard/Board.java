package dev.preflight.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.launch.LaunchState;
import dev.preflight.launch.LaunchSummaries;
import dev.preflight.platform.db.Sql;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.team.Team;

/**
 * Reads the go-live board with purpose-built SQL over the rows kept for it: a page of launches
 * from an index in target-date order, sums per team, the recovery posture and the daily trend. No
 * item or history row is read, so a board page costs the same with ten launches or ten thousand;
 * and all of it goes to the database in one round trip. Rows that time has overtaken are counted
 * again first, so what the board shows is what the launch pages show.
 */
@ApplicationScoped
public class Board {

    /** Teams on the board's roll-up; all of them are on the teams page. */
    static final int TOP_TEAMS = 10;
    /** Days of trend the board draws. */
    static final int TREND_DAYS = 56;
    /** Rows a CSV export holds at most. */
    static final int EXPORT_LIMIT = 100_000;
    private static final int REFRESH_MAX = 500;

    private static final String ROW_COLUMNS = """
            s.launch_id, l.name, v.slug AS service, v.name AS service_name, t.slug AS team, t.name AS team_name,
            s.tier, s.state, s.active, s.target_date, s.percent, s.resolved, s.required, s.open_blockers,
            s.missing_sign_offs, s.awaiting_sign_off, s.stale, s.overdue, s.waivers""";
    /** The team the filter names, or every team when it names none. */
    private static final String TEAM_SCOPE = "(?::text IS NULL OR team_id = (SELECT id FROM team WHERE slug = ?))";

    private final Sql sql;
    private final LaunchSummaries summaries;
    private final RecoveryPosture posture;

    public Board(Sql sql, LaunchSummaries summaries, RecoveryPosture posture) {
        this.sql = sql;
        this.summaries = summaries;
        this.posture = posture;
    }

    /** One statement of a query sent with others, with its parameters in order. */
    private record Part(String sql, List<Object> params) {

        /** Parameters may be null (a filter's criterion left out). */
        static Part of(String sql, Object... params) {
            return new Part(sql, Arrays.asList(params));
        }
    }

    /**
     * A page of the board with its roll-ups, in one round trip: what the filter names, whether time
     * overtook some row (then those are counted again and the board read once more), the launches,
     * the sums, the top teams, the posture and the trend.
     */
    public BoardViews.Board board(BoardFilter filter) {
        Read read = read(filter);
        if (read.overtaken()) {
            refresh();
            return read(filter).board();
        }
        return read.board();
    }

    /** A board as read, and whether time had overtaken some of its rows. */
    private record Read(boolean overtaken, BoardViews.Board board) {
    }

    private Read read(BoardFilter filter) {
        LocalDate today = LocalDate.now();
        int offset = (filter.page() - 1) * BoardFilter.PAGE_SIZE;
        String team = filter.team();
        List<Part> parts = List.of(scope(filter, Instant.now()),
                launches(filter, today, offset, BoardFilter.PAGE_SIZE + 1),
                totals(filter, today),
                filter.narrowsBeyondTeam() ? narrowedTeams(filter, today) : teams(team, TOP_TEAMS, 0),
                Part.of("""
                        SELECT coalesce(sum(services), 0), coalesce(sum(no_targets), 0),
                            coalesce(sum(inconsistent_targets), 0), coalesce(sum(drills_overdue_failed), 0),
                            coalesce(sum(runbook_incomplete), 0), coalesce(sum(runbook_not_exercised), 0),
                            coalesce(sum(duties_due), 0)
                        FROM\s""" + (team == null ? "posture_total" : "team_posture WHERE " + TEAM_SCOPE),
                        team == null ? new Object[0] : new Object[] { team, team }),
                Part.of("""
                        SELECT count(DISTINCT i.launch_id) FROM launch_item i JOIN launch l ON l.id = i.launch_id
                            JOIN service v ON v.id = l.service_id
                        WHERE i.check_verdict = 'FAILED' AND i.removed_at IS NULL AND NOT i.left_out
                            AND l.state NOT IN ('CLOSED', 'CANCELLED')
                            AND (?::text IS NULL OR v.team_id = (SELECT id FROM team WHERE slug = ?))""", team, team),
                team == null
                        ? Part.of("SELECT day, launches, percent_sum, open_blockers FROM readiness_day "
                                + "WHERE day >= ? AND day < ? ORDER BY day", today.minusDays(TREND_DAYS), today)
                        : Part.of("SELECT day, launches, percent_sum, open_blockers FROM team_readiness_day "
                                + "WHERE team_id = (SELECT id FROM team WHERE slug = ?) AND day >= ? AND day < ? "
                                + "ORDER BY day", team, today.minusDays(TREND_DAYS), today));
        return sql.read(c -> run(c, parts, results -> {
            boolean overtaken = checkScope(results.next(), filter);
            List<BoardViews.Row> rows = rows(results.next(), today);
            boolean more = rows.size() > BoardFilter.PAGE_SIZE;
            if (more) {
                rows.remove(BoardFilter.PAGE_SIZE);
            }
            ResultSet t = results.next();
            t.next();
            BoardViews.Totals totals = new BoardViews.Totals(t.getInt("launches"),
                    average(t.getLong("percent_sum"), t.getInt("launches")), t.getInt("open_blockers"),
                    t.getInt("missing"), t.getInt("stale"), t.getInt("overdue"), t.getInt("waivers"));
            List<BoardViews.TeamRow> teams = teamRows(results.next());
            ResultSet p = results.next();
            p.next();
            BoardViews.Posture posture = new BoardViews.Posture(p.getInt(1), p.getInt(2), p.getInt(3), p.getInt(4),
                    p.getInt(5), p.getInt(6), p.getInt(7));
            ResultSet f = results.next();
            f.next();
            int checksFailing = f.getInt(1);
            List<BoardViews.TrendPoint> trend = new ArrayList<>();
            ResultSet d = results.next();
            while (d.next()) {
                trend.add(new BoardViews.TrendPoint(Sql.date(d, "day"), d.getInt("launches"),
                        average(d.getLong("percent_sum"), d.getInt("launches")), d.getInt("open_blockers")));
            }
            trend.add(new BoardViews.TrendPoint(today, totals.launches(), totals.percent(), totals.openBlockers()));
            return new Read(overtaken, new BoardViews.Board(filter, today, totals, rows, more, teams, posture, checksFailing,
                    trend));
        }));
    }

    /** Every launch the filter lets through, in board order, up to {@value #EXPORT_LIMIT}. */
    public void export(BoardFilter filter, Consumer<BoardViews.Row> sink) {
        LocalDate today = LocalDate.now();
        refreshIfOvertaken(filter);
        sql.read(c -> run(c, List.of(launches(filter, today, 0, EXPORT_LIMIT)), results -> {
            ResultSet r = results.next();
            while (r.next()) {
                sink.accept(row(r, today));
            }
            return null;
        }));
    }

    /** Refuses a filter naming a team or template that does not exist, before anything is sent. */
    public void check(BoardFilter filter) {
        refreshIfOvertaken(filter);
    }

    /** Every team with running launches, by name, a page at a time. */
    public List<BoardViews.TeamRow> teams(int page, int size) {
        refreshIfOvertaken(BoardFilter.ALL);
        return sql.read(c -> run(c, List.of(teams(null, size, (page - 1) * size)), results -> teamRows(results.next())));
    }

    /** The sections of the filter's launches of one template (by default the one most launches run on). */
    public BoardViews.Heatmap heatmap(BoardFilter filter) {
        String template = filter.template();
        if (template == null) {
            List<BoardViews.TemplateChoice> choices = templates(filter.team());
            if (choices.isEmpty()) {
                return new BoardViews.Heatmap(null, null, List.of(), List.of(), false);
            }
            template = choices.get(0).slug();
        }
        BoardFilter chosen = new BoardFilter(filter.team(), filter.tier(), filter.state(), filter.risk(), filter.has(),
                filter.from(), filter.to(), template, filter.page());
        refreshIfOvertaken(chosen);
        LocalDate today = LocalDate.now();
        String slug = template;
        return sql.read(c -> {
            List<BoardViews.Row> rows = run(c, List.of(launches(chosen, today, (filter.page() - 1) * BoardFilter.PAGE_SIZE,
                    BoardFilter.PAGE_SIZE + 1)), results -> rows(results.next(), today));
            boolean more = rows.size() > BoardFilter.PAGE_SIZE;
            if (more) {
                rows.remove(BoardFilter.PAGE_SIZE);
            }
            String name = Sql.first(c, "SELECT name FROM template WHERE slug = ?", r -> r.getString(1), slug);
            return heatmap(c, slug, name, rows, more);
        });
    }

    /** The templates the running launches use (of one team, or of all when null), most used first. */
    public List<BoardViews.TemplateChoice> templates(String team) {
        return sql.read(c -> Sql.list(c, "SELECT t.slug, t.name, count(*) AS launches FROM launch_summary s "
                + "JOIN template t ON t.id = s.template_id WHERE s.active AND " + TEAM_SCOPE.replace("team_id", "s.team_id")
                + " GROUP BY t.slug, t.name ORDER BY count(*) DESC, t.name",
                r -> new BoardViews.TemplateChoice(r.getString("slug"), r.getString("name"), r.getInt("launches")),
                team, team));
    }

    /** The services in use with the given recovery problem, by name. */
    public List<BoardViews.PostureRow> postureProblems(RecoveryProblem problem, String team, int page, int size) {
        refreshIfOvertaken(new BoardFilter(team, null, null, false, null, null, null, null, 1));
        return sql.read(c -> Sql.list(c, """
                SELECT v.slug, v.name, t.slug AS team, t.name AS team_name, v.tier, p.has_targets,
                    p.targets_consistent, p.last_restore_test, p.latest_drill_failed, p.restore_test_overdue,
                    p.runbook_complete, p.runbook_exercised
                FROM service_posture p JOIN service v ON v.id = p.service_id JOIN team t ON t.id = p.team_id
                WHERE p.active AND (""" + problem.condition() + ") AND " + TEAM_SCOPE.replace("team_id", "p.team_id")
                + " ORDER BY lower(v.name), v.id LIMIT ? OFFSET ?",
                r -> new BoardViews.PostureRow(r.getString("slug"), r.getString("name"), r.getString("team"),
                        r.getString("team_name"), r.getInt("tier"), r.getBoolean("has_targets"),
                        r.getBoolean("targets_consistent"), Sql.date(r, "last_restore_test"),
                        r.getBoolean("latest_drill_failed"), r.getBoolean("restore_test_overdue"),
                        r.getBoolean("runbook_complete"), Sql.date(r, "runbook_exercised")),
                team, team, size, (page - 1) * size));
    }

    /**
     * Checks the filter's team and template, and counts again what time has overtaken (an item gone
     * stale, a waiver or restore test run out) before anything is read.
     */
    private void refreshIfOvertaken(BoardFilter filter) {
        if (sql.read(c -> run(c, List.of(scope(filter, Instant.now())), results -> checkScope(results.next(), filter)))) {
            refresh();
        }
    }

    private void refresh() {
        summaries.refreshExpired(REFRESH_MAX);
        posture.refresh(REFRESH_MAX);
    }

    /**
     * The filter's team and template ids, and whether time overtook a row. Asked as the earliest
     * expiry so that each is one step down an index, whatever the planner's statistics say.
     */
    private static Part scope(BoardFilter filter, Instant now) {
        return Part.of("""
                SELECT (SELECT id FROM team WHERE slug = ?) AS team, (SELECT id FROM template WHERE slug = ?) AS template,
                    coalesce((SELECT min(valid_until) FROM launch_summary) <= ?, false)
                    OR coalesce((SELECT min(valid_until) FROM service_posture) <= ?, false)
                    OR (SELECT min(service_id) FROM service_posture WHERE computed_at IS NULL) IS NOT NULL AS overtaken""",
                filter.team(), filter.template(), now, now);
    }

    /** Refuses an unknown team or template (an error of that field); true when time overtook some row. */
    private static boolean checkScope(ResultSet r, BoardFilter filter) throws SQLException {
        r.next();
        r.getLong("team");
        if (filter.team() != null && r.wasNull()) {
            throw ProblemException.invalid("team", Team.missing(filter.team()));
        }
        r.getLong("template");
        if (filter.template() != null && r.wasNull()) {
            throw ProblemException.invalid("template", "there is no template '" + filter.template() + "'");
        }
        return r.getBoolean("overtaken");
    }

    /** What a run of statements gives, one result after another. */
    @FunctionalInterface
    private interface Results<T> {
        T read(Iterator results) throws SQLException;
    }

    /** The results of the statements sent together, in order. */
    private static final class Iterator {
        private final PreparedStatement statement;
        private boolean first = true;

        Iterator(PreparedStatement statement) {
            this.statement = statement;
        }

        ResultSet next() throws SQLException {
            if (!first && !statement.getMoreResults()) {
                throw new IllegalStateException("A board query gave fewer results than it has statements");
            }
            first = false;
            return statement.getResultSet();
        }
    }

    /** Sends the statements in one round trip and reads their results. */
    private static <T> T run(Connection c, List<Part> parts, Results<T> results) throws SQLException {
        StringBuilder text = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Part part : parts) {
            text.append(text.isEmpty() ? "" : ";\n").append(part.sql());
            params.addAll(part.params());
        }
        try (PreparedStatement statement = c.prepareStatement(text.toString())) {
            statement.setFetchSize(1000);
            Sql.bind(statement, params.toArray());
            statement.execute();
            return results.read(new Iterator(statement));
        }
    }

    /**
     * The launches in board order: running ones by target date, then those finished lately. Each
     * comes from a partial index in target-date order, so the first page never walks through
     * years of finished launches. The limits are written into the statement (numbers this class
     * computes, never text from a request): PostgreSQL then keeps one plan for it instead of
     * planning each request's values afresh, which on a large board costs more than running it.
     */
    private static Part launches(BoardFilter f, LocalDate today, int offset, int limit) {
        Where common = common(f);
        List<Where> branches = new ArrayList<>();
        if (f.state() == null || !f.state().reviewOver()) {
            branches.add(running(f, today).and(common));
        }
        if ((f.state() == null || f.state().reviewOver()) && !f.risk() && f.has() == null) {
            Where finished = new Where("NOT s.active");
            finished.and(f.state() != null, "s.state = ?", f.state());
            finished.and(!f.hasWindow(), "s.target_date >= ?", today.minusDays(BoardFilter.RECENT_DAYS));
            branches.add(finished.and(common));
        }
        if (branches.isEmpty()) {
            return Part.of("SELECT " + ROW_COLUMNS + " FROM launch_summary s JOIN launch l ON l.id = s.launch_id "
                    + "JOIN service v ON v.id = s.service_id JOIN team t ON t.id = s.team_id WHERE FALSE");
        }
        StringBuilder query = new StringBuilder("WITH page AS (SELECT launch_id, finished, target_date FROM (");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            query.append(i > 0 ? " UNION ALL " : "").append("(SELECT s.launch_id, NOT s.active AS finished, ")
                    .append("s.target_date FROM launch_summary s WHERE ").append(branches.get(i).sql)
                    .append(" ORDER BY s.target_date, s.launch_id LIMIT ").append(offset + limit).append(")");
            params.addAll(branches.get(i).params);
        }
        query.append(") b ORDER BY finished, target_date, launch_id LIMIT ").append(limit).append(" OFFSET ")
                .append(offset).append(") SELECT ").append(ROW_COLUMNS)
                .append(" FROM page p JOIN launch_summary s ON s.launch_id = p.launch_id")
                .append(" JOIN launch l ON l.id = s.launch_id JOIN service v ON v.id = s.service_id")
                .append(" JOIN team t ON t.id = s.team_id ORDER BY p.finished, p.target_date, p.launch_id");
        return new Part(query.toString(), params);
    }

    /** What the filter asks of every launch, running or finished. */
    private static Where common(BoardFilter f) {
        Where common = new Where();
        common.and(f.team() != null, "s.team_id = (SELECT id FROM team WHERE slug = ?)", f.team());
        common.and(f.tier() != null, "s.tier = ?", f.tier());
        common.and(f.template() != null, "s.template_id = (SELECT id FROM template WHERE slug = ?)", f.template());
        if (f.has() != null) {
            common.and(true, switch (f.has()) {
                case "blockers" -> "s.open_blockers > 0";
                case "sign-offs" -> "s.missing_sign_offs > 0";
                case "stale" -> "s.stale > 0";
                case "overdue" -> "s.overdue > 0";
                default -> "s.waivers > 0";
            });
        }
        common.and(f.from() != null, "s.target_date >= ?", f.from());
        common.and(f.to() != null, "s.target_date <= ?", f.to());
        return common;
    }

    /** What the filter asks of a running launch besides {@link #common}. */
    private static Where running(BoardFilter f, LocalDate today) {
        Where running = new Where("s.active");
        running.and(f.state() != null, "s.state = ?", f.state());
        running.and(f.risk(), "s.target_date <= ? AND (s.target_date < ? OR s.open_blockers > 0 "
                + "OR s.missing_sign_offs > 0)", today.plusDays(BoardFilter.AT_RISK_DAYS), today);
        return running;
    }

    /**
     * The sums over the running launches the filter lets through: kept for the whole board (in
     * stripes) and per team, summed from the launches' rows when other criteria narrow it.
     */
    private static Part totals(BoardFilter f, LocalDate today) {
        String sums = "SELECT %s AS launches, coalesce(sum(%s), 0) AS percent_sum, coalesce(sum(open_blockers), 0) AS "
                + "open_blockers, coalesce(sum(missing_sign_offs), 0) AS missing, coalesce(sum(stale), 0) AS stale, "
                + "coalesce(sum(overdue), 0) AS overdue, coalesce(sum(waivers), 0) AS waivers FROM ";
        if (!f.narrowsBeyondTeam()) {
            String kept = sums.formatted("coalesce(sum(launches), 0)", "percent_sum");
            return f.team() == null ? Part.of(kept + "readiness_total")
                    : Part.of(kept + "team_readiness WHERE " + TEAM_SCOPE, f.team(), f.team());
        }
        if (f.state() != null && f.state().reviewOver()) {
            return Part.of(sums.formatted("count(*)", "percent") + "launch_summary s WHERE FALSE");
        }
        Where where = running(f, today).and(common(f));
        return new Part(sums.formatted("count(*)", "s.percent") + "launch_summary s WHERE " + where.sql, where.params);
    }

    /** Conditions joined by AND, with their parameters in order. */
    private static final class Where {
        private final StringBuilder sql;
        private final List<Object> params = new ArrayList<>();

        Where() {
            this("TRUE");
        }

        Where(String first) {
            sql = new StringBuilder(first);
        }

        void and(boolean applies, String condition, Object... values) {
            if (applies) {
                sql.append(" AND ").append(condition);
                params.addAll(Arrays.asList(values));
            }
        }

        Where and(Where other) {
            sql.append(" AND ").append(other.sql);
            params.addAll(other.params);
            return this;
        }
    }

    private static List<BoardViews.Row> rows(ResultSet r, LocalDate today) throws SQLException {
        List<BoardViews.Row> rows = new ArrayList<>();
        while (r.next()) {
            rows.add(row(r, today));
        }
        return rows;
    }

    private static BoardViews.Row row(ResultSet r, LocalDate today) throws SQLException {
        LocalDate target = Sql.date(r, "target_date");
        long daysLeft = ChronoUnit.DAYS.between(today, target);
        int blockers = r.getInt("open_blockers");
        int signOffs = r.getInt("missing_sign_offs");
        BoardViews.Risk risk;
        if (!r.getBoolean("active")) {
            risk = BoardViews.Risk.OVER;
        } else if (daysLeft < 0) {
            risk = BoardViews.Risk.LATE;
        } else if (daysLeft <= BoardFilter.AT_RISK_DAYS && (blockers > 0 || signOffs > 0)) {
            risk = BoardViews.Risk.AT_RISK;
        } else {
            risk = BoardViews.Risk.ON_TRACK;
        }
        return new BoardViews.Row(r.getLong("launch_id"), r.getString("name"), r.getString("service"),
                r.getString("service_name"), r.getString("team"), r.getString("team_name"), r.getInt("tier"),
                LaunchState.valueOf(r.getString("state")), target, daysLeft, r.getInt("percent"), r.getInt("resolved"),
                r.getInt("required"), blockers, signOffs, r.getInt("awaiting_sign_off"), r.getInt("stale"),
                r.getInt("overdue"), r.getInt("waivers"), risk);
    }

    /** The roll-up by team of the running launches the filter lets through, most open blockers first. */
    private static Part narrowedTeams(BoardFilter f, LocalDate today) {
        if (f.state() != null && f.state().reviewOver()) {
            return Part.of("SELECT NULL AS slug WHERE FALSE");
        }
        Where where = running(f, today).and(common(f));
        List<Object> params = new ArrayList<>(where.params);
        params.add(TOP_TEAMS);
        return new Part("""
                SELECT t.slug, t.name, count(*) AS launches, sum(s.percent) AS percent_sum,
                    sum(s.open_blockers) AS open_blockers, sum(s.missing_sign_offs) AS missing_sign_offs,
                    sum(s.stale) AS stale, sum(s.overdue) AS overdue, sum(s.waivers) AS waivers
                FROM launch_summary s JOIN team t ON t.id = s.team_id WHERE\s""" + where.sql
                + " GROUP BY t.id, t.slug, t.name ORDER BY sum(s.open_blockers) DESC, t.id LIMIT ?", params);
    }

    /** Teams with running launches: the top ones by open blockers for the board, else by name. */
    private static Part teams(String team, int limit, int offset) {
        String order = team == null && offset == 0 && limit == TOP_TEAMS ? "r.open_blockers DESC, r.team_id"
                : "lower(t.name), t.id";
        return Part.of("""
                SELECT t.slug, t.name, r.launches, r.percent_sum, r.open_blockers, r.missing_sign_offs, r.stale,
                    r.overdue, r.waivers
                FROM team_readiness r JOIN team t ON t.id = r.team_id
                WHERE r.launches > 0 AND\s""" + TEAM_SCOPE.replace("team_id", "r.team_id") + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", team, team, limit, offset);
    }

    private static List<BoardViews.TeamRow> teamRows(ResultSet r) throws SQLException {
        List<BoardViews.TeamRow> teams = new ArrayList<>();
        while (r.next()) {
            teams.add(new BoardViews.TeamRow(r.getString("slug"), r.getString("name"), r.getInt("launches"),
                    average(r.getLong("percent_sum"), r.getInt("launches")), r.getInt("open_blockers"),
                    r.getInt("missing_sign_offs"), r.getInt("stale"), r.getInt("overdue"), r.getInt("waivers")));
        }
        return teams;
    }

    private static BoardViews.Heatmap heatmap(Connection c, String template, String name, List<BoardViews.Row> rows,
            boolean more) throws SQLException {
        Map<Long, Map<String, BoardViews.Cell>> cells = new LinkedHashMap<>();
        Map<String, int[]> order = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            Long[] ids = rows.stream().map(BoardViews.Row::id).toArray(Long[]::new);
            try (PreparedStatement statement = c.prepareStatement("""
                    SELECT launch_id, section_key, position, title, required, resolved FROM launch_section_summary
                    WHERE launch_id = ANY (?) ORDER BY launch_id, position""")) {
                statement.setArray(1, c.createArrayOf("bigint", ids));
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        String key = r.getString("section_key");
                        int required = r.getInt("required");
                        int resolved = r.getInt("resolved");
                        int percent = required == 0 ? 100 : 100 * resolved / required;
                        cells.computeIfAbsent(r.getLong("launch_id"), k -> new LinkedHashMap<>())
                                .put(key, new BoardViews.Cell(key, r.getString("title"), required, resolved, percent));
                        int position = r.getInt("position");
                        order.merge(key, new int[] { position }, (a, b) -> a[0] <= b[0] ? a : b);
                        titles.putIfAbsent(key, r.getString("title"));
                    }
                }
            }
        }
        List<BoardViews.Column> columns = order.entrySet().stream()
                .sorted((a, b) -> Integer.compare(a.getValue()[0], b.getValue()[0]))
                .map(e -> new BoardViews.Column(e.getKey(), titles.get(e.getKey()))).toList();
        List<BoardViews.HeatRow> heat = new ArrayList<>();
        for (BoardViews.Row row : rows) {
            Map<String, BoardViews.Cell> mine = cells.getOrDefault(row.id(), Map.of());
            List<BoardViews.Cell> line = new ArrayList<>(columns.size());
            columns.forEach(col -> line.add(mine.get(col.key())));
            heat.add(new BoardViews.HeatRow(row, line));
        }
        return new BoardViews.Heatmap(template, name, columns, heat, more);
    }

    private static int average(long sum, int count) {
        return count == 0 ? 0 : (int) (sum / count);
    }
}
