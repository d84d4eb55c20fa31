package dev.preflight.dashboard;

import static dev.preflight.ProblemAssertions.problem;
import static org.apache.http.HttpStatus.SC_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.launch.LaunchSummaries;

/**
 * The go-live board: its numbers are the launch pages' numbers, they follow every kind of change
 * (items, states, teams, recovery data, time), and every filter and export says what it promises.
 */
@QuarkusTest
class BoardTest {

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LaunchSummaries summaries;

    private String team;
    private String service;
    private String template;
    private long launch;

    @BeforeEach
    void launch() {
        team = Fixtures.team();
        service = Fixtures.service(team, 2);
        template = Fixtures.template(true);
        launch = Fixtures.launch(service, template);
    }

    @Test
    void a_launch_on_the_board_counts_what_its_page_counts_after_every_change() {
        assertAgrees(launch);
        patch(launch, BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1"));
        assertAgrees(launch);
        patch(launch, RUNBOOK, Map.of("status", "waived", "waiver", Map.of("reason", "vendor", "riskOwner", "CTO",
                "compensatingControl", "manual export", "expiresOn", LocalDate.now().plusDays(10).toString())));
        assertAgrees(launch);
        patch(launch, RUNBOOK, Map.of("status", "open", "dueDate", LocalDate.now().plusDays(3).toString()));
        assertAgrees(launch);
        patch(launch, BACKUPS, Map.of("status", "blocked", "reason", "disk order late"));
        assertAgrees(launch);
        Row row = row(board("team=" + team), launch);
        assertThat(row.getInt("openBlockers")).isEqualTo(1);
        assertThat(row.getInt("missingSignOffs")).isEqualTo(1);
        assertThat(row.getInt("percent")).isZero();
    }

    @Test
    void time_alone_moves_the_board_once_a_row_is_overtaken() throws SQLException {
        patch(launch, BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1"));
        patch(launch, RUNBOOK, Map.of("status", "done", "evidenceNote", "wiki", "dueDate",
                LocalDate.now().plusDays(5).toString()));
        assertThat(row(board("team=" + team), launch).getInt("stale")).isZero();
        sql("UPDATE launch_item SET done_at = now() - interval '31 days' WHERE launch_id = ? AND key = '" + BACKUPS
                + "'", launch);
        sql("UPDATE launch_summary SET valid_until = now() - interval '1 second' WHERE launch_id = ?", launch);
        Row row = row(board("team=" + team), launch);
        assertThat(row.getInt("stale")).isEqualTo(1);
        assertThat(row.getInt("openBlockers")).isEqualTo(1);
        assertAgrees(launch);
    }

    @Test
    void the_team_roll_up_follows_launches_their_state_and_their_service_moving() {
        long second = Fixtures.launch(Fixtures.service(team, 3), template);
        patch(launch, BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1"));
        JsonPath teams = board("team=" + team);
        assertThat(teams.getList("teams.team")).containsExactly(team);
        assertThat(teams.getInt("teams[0].launches")).isEqualTo(2);
        int first = row(teams, launch).getInt("percent");
        int other = row(teams, second).getInt("percent");
        assertThat(teams.getInt("teams[0].percent")).isEqualTo((first + other) / 2);
        assertThat(teams.getInt("totals.openBlockers")).isEqualTo(1);

        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "cancelled", "comment", "folded into another launch"))
                .when().post("/api/v1/launches/" + second + "/transitions").then().statusCode(SC_OK);
        assertThat(board("team=" + team).getInt("totals.launches")).isEqualTo(1);

        String elsewhere = Fixtures.team();
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Moved", "team", elsewhere, "tier", 1))
                .when().put("/api/v1/services/" + service).then().statusCode(SC_OK);
        assertThat(board("team=" + team).getInt("totals.launches")).isZero();
        JsonPath moved = board("team=" + elsewhere);
        assertThat(moved.getInt("totals.launches")).isEqualTo(1);
        assertThat(row(moved, launch).getInt("tier")).isEqualTo(1);
    }

    @Test
    void the_whole_board_sums_what_every_launch_and_service_counts() throws SQLException {
        long second = Fixtures.launch(Fixtures.service(team, 3), template);
        patch(launch, BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1"));
        patch(second, BACKUPS, Map.of("status", "blocked", "reason", "disk order late"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "cancelled", "comment", "folded into another launch"))
                .when().post("/api/v1/launches/" + second + "/transitions").then().statusCode(SC_OK);
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Moved", "team", Fixtures.team(), "tier", 1))
                .when().put("/api/v1/services/" + service).then().statusCode(SC_OK);
        Api.admin().contentType(ContentType.JSON).body(List.of(Map.of("rto", "4 h", "rpo", "1 d",
                "backupEvery", "1 d", "retentionDays", 30, "separateLocation", true)))
                .when().put("/api/v1/services/" + service + "/recovery-targets").then().statusCode(SC_OK);

        JsonPath whole = board("");
        List<Long> launches = count("""
                SELECT count(*), coalesce(sum(percent), 0), coalesce(sum(open_blockers), 0),
                    coalesce(sum(missing_sign_offs), 0), coalesce(sum(stale), 0), coalesce(sum(overdue), 0),
                    coalesce(sum(waivers), 0)
                FROM launch_summary WHERE active""");
        int percent = launches.get(0) == 0 ? 0 : (int) (launches.get(1) / launches.get(0));
        assertThat(List.of(whole.getLong("totals.launches"), (long) whole.getInt("totals.percent"),
                whole.getLong("totals.openBlockers"), whole.getLong("totals.missingSignOffs"),
                whole.getLong("totals.stale"), whole.getLong("totals.overdue"), whole.getLong("totals.waivers")))
                .isEqualTo(List.of(launches.get(0), (long) percent, launches.get(2), launches.get(3), launches.get(4),
                        launches.get(5), launches.get(6)));
        List<Long> services = count("""
                SELECT count(*), coalesce(sum((NOT has_targets)::int), 0),
                    coalesce(sum((restore_test_overdue OR latest_drill_failed)::int), 0),
                    coalesce(sum((NOT runbook_complete)::int), 0)
                FROM service_posture WHERE active""");
        assertThat(List.of(whole.getLong("posture.services"), whole.getLong("posture.noTargets"),
                whole.getLong("posture.drillsOverdueOrFailed"), whole.getLong("posture.runbookIncomplete")))
                .isEqualTo(services);
    }

    @Test
    void counting_every_launch_afresh_gives_the_rows_that_changes_kept() throws SQLException {
        long second = Fixtures.launch(Fixtures.service(team, 1), template);
        patch(launch, BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1"));
        patch(second, RUNBOOK, Map.of("status", "waived", "waiver", Map.of("reason", "vendor", "riskOwner", "CTO",
                "compensatingControl", "manual export", "expiresOn", LocalDate.now().plusDays(10).toString())));
        String launches = """
                SELECT launch_id, service_id, team_id, tier, template_id, state, active, target_date, items, required,
                    resolved, open_blockers, missing_sign_offs, awaiting_sign_off, stale, overdue, waivers, valid_until
                FROM launch_summary ORDER BY launch_id""";
        String sections = "SELECT launch_id, section_key, position, title, items, required, resolved "
                + "FROM launch_section_summary ORDER BY launch_id, position";
        List<List<Object>> kept = table(launches);
        List<List<Object>> keptSections = table(sections);
        JsonPath before = board("");

        sql("DELETE FROM launch_section_summary WHERE launch_id > ?", 0);
        sql("DELETE FROM launch_summary WHERE launch_id > ?", 0);
        assertThat(board("").getInt("totals.launches")).isZero();
        assertThat(summaries.backfill()).isEqualTo(kept.size());

        assertThat(table(launches)).isEqualTo(kept);
        assertThat(table(sections)).isEqualTo(keptSections);
        JsonPath after = board("");
        assertThat(after.getMap("totals")).isEqualTo(before.getMap("totals"));
    }

    @Test
    void filters_narrow_the_launches_and_refuse_what_cannot_match() {
        long blocked = Fixtures.launch(Fixtures.service(team, 1), template);
        patch(blocked, RUNBOOK, Map.of("status", "done", "evidenceNote", "wiki"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("items", Map.of(BACKUPS, Map.of("status", "done",
                "evidenceLink", "https://ci.example/1")))).when().patch("/api/v1/launches/" + launch + "/items")
                .then().statusCode(SC_OK);
        assertThat(ids(board("team=" + team))).containsExactlyInAnyOrder(launch, blocked);
        assertThat(ids(board("team=" + team + "&tier=1"))).containsExactly(blocked);
        assertThat(board("team=" + team).getInt("totals.launches")).isEqualTo(2);
        assertThat(board("team=" + team + "&tier=1").getInt("totals.launches")).as("the sums follow the filters")
                .isEqualTo(1);
        assertThat(board("team=" + team + "&has=blockers").getInt("totals.openBlockers")).isEqualTo(1);
        assertThat(board("team=" + team + "&state=launched").getInt("totals.launches")).isZero();
        assertThat(board("team=" + team + "&tier=1").getList("teams.launches", Integer.class))
                .as("the roll-up follows the filters").containsExactly(1);
        assertThat(ids(board("team=" + team + "&has=blockers"))).containsExactly(blocked);
        assertThat(ids(board("team=" + team + "&state=in_review"))).isEmpty();
        assertThat(ids(board("team=" + team + "&from=" + LocalDate.now().plusDays(31)))).isEmpty();
        assertThat(ids(board("team=" + team + "&to=" + LocalDate.now().plusDays(30)))).hasSize(2);

        problem(Api.admin().when().get("/api/v1/board?team=" + Fixtures.unique("nobody")).then(), 400, "invalid-input")
                .body("errors.field", contains("team"));
        problem(Api.admin().when().get("/api/v1/board?tier=4&has=nothing").then(), 400, "invalid-input")
                .body("errors.field", containsInAnyOrder("tier", "has"));
        problem(Api.admin().when().get("/api/v1/board?from=2026-02-30").then(), 400, "invalid-input")
                .body("errors.field", contains("from"));
    }

    @Test
    void late_and_at_risk_launches_are_marked_and_can_be_shown_alone() throws SQLException {
        long late = Fixtures.launch(Fixtures.service(team, 2), template);
        sql("UPDATE launch SET target_date = current_date - 3 WHERE id = ?", late);
        sql("UPDATE launch_summary SET target_date = current_date - 3 WHERE launch_id = ?", late);
        JsonPath all = board("team=" + team);
        assertThat(row(all, late).getString("risk")).isEqualTo("late");
        assertThat(row(all, late).getLong("daysLeft")).isEqualTo(-3);
        assertThat(row(all, launch).getString("risk")).isEqualTo("on-track");
        assertThat(ids(board("team=" + team + "&risk=at-risk"))).containsExactly(late);
        assertThat(all.getList("launches.id", Long.class).get(0)).as("late launches come first").isEqualTo(late);
    }

    @Test
    void the_recovery_posture_counts_what_the_recovery_pages_find() {
        JsonPath before = board("team=" + team);
        assertThat(before.getInt("posture.services")).isEqualTo(1);
        assertThat(before.getInt("posture.noTargets")).isEqualTo(1);
        assertThat(before.getInt("posture.drillsOverdueOrFailed")).isEqualTo(1);
        assertThat(before.getInt("posture.runbookIncomplete")).isEqualTo(1);

        Api.admin().contentType(ContentType.JSON).body(List.of(Map.of("rto", "4 h", "rpo", "1 d",
                "backupEvery", "1 d", "retentionDays", 30, "separateLocation", true)))
                .when().put("/api/v1/services/" + service + "/recovery-targets").then().statusCode(SC_OK);
        Api.admin().contentType(ContentType.JSON).body(Map.of("kind", "restore_test", "performedOn",
                LocalDate.now().toString(), "recoveryTime", "30 min", "outcome", "success"))
                .when().post("/api/v1/services/" + service + "/drills").then().statusCode(201);
        JsonPath after = board("team=" + team);
        assertThat(after.getInt("posture.noTargets")).isZero();
        assertThat(after.getInt("posture.inconsistentTargets")).isZero();
        assertThat(after.getInt("posture.drillsOverdueOrFailed")).isZero();
        assertThat(after.getInt("posture.runbookIncomplete")).isEqualTo(1);

        Document page = Browser.admin().get("/board/recovery?problem=runbook-incomplete&team=" + team, SC_OK);
        assertThat(page.select("tbody tr")).hasSize(1);
        assertThat(page.select("tbody a").first().attr("href")).isEqualTo("/services/" + service + "/recovery");
        assertThat(Browser.admin().get("/board/recovery?problem=no-targets&team=" + team, SC_OK).select("tbody tr"))
                .isEmpty();
    }

    @Test
    void the_board_page_shows_launches_with_the_numbers_linked_to_their_items() {
        patch(launch, BACKUPS, Map.of("status", "blocked", "reason", "disks"));
        Document page = Browser.admin().get("/?team=" + team, SC_OK);
        assertThat(page.title()).startsWith("Go-live board");
        assertThat(page.select("a[href=/launches/" + launch + "]").text()).startsWith("Launch ");
        assertThat(page.select("a[href=/launches/" + launch + "?filter=blockers]").text()).isEqualTo("1");
        assertThat(page.select("svg.chart title").text()).isEqualTo("Average readiness of running launches");
        assertThat(page.select("svg.chart desc").text()).contains("Average readiness by day");
        assertThat(page.select("a[href^=/board/recovery?problem=no-targets]")).hasSize(1);
        assertThat(page.select("a[href=/board/launches.csv?team=" + team + "]")).hasSize(1);
        assertThat(page.select("input#f-team").val()).isEqualTo(team);
        assertThat(page.select("#f-team-list option[value=" + team + "]").text()).isEqualTo("Team " + team);
        assertThat(page.select("#summary-title").text()).isEqualTo("Running launches of Team " + team);
    }

    @Test
    void the_team_filter_takes_a_name_and_suggests_a_bounded_list_however_many_teams_there_are()
            throws SQLException {
        patch(launch, BACKUPS, Map.of("status", "blocked", "reason", "disks"));
        Document byName = Browser.admin().get("/?team=" + ("team " + team).toUpperCase(Locale.ROOT), SC_OK);
        assertThat(byName.select("input#f-team").val()).isEqualTo(team);
        assertThat(byName.select("#summary-title").text()).isEqualTo("Running launches of Team " + team);
        Api.admin().contentType(ContentType.JSON).body(Map.of("slug", "named-" + team, "name", team))
                .when().post("/api/v1/teams").then().statusCode(201);
        assertThat(Browser.admin().get("/?team=" + team, SC_OK).select("input#f-team").val()).isEqualTo(team);

        while (count("SELECT count(*) FROM team").get(0) <= 50) {
            Fixtures.team();
        }
        Document page = Browser.admin().get("/?team=" + team, SC_OK);
        assertThat(page.select("#f-team-list option").size()).isBetween(1, 11);
        assertThat(page.select("#f-team-list option").first().val()).isEqualTo(team);
        assertThat(page.select("input#f-team").attr("placeholder")).isEqualTo("Any: type a name");
        Document unknown = Browser.admin().get("/?team=nobody-" + team, SC_OK);
        assertThat(unknown.select("input#f-team").attr("aria-invalid")).isEqualTo("true");
        assertThat(unknown.select("#f-team-error").text())
                .isEqualTo("There is no team \"nobody-" + team + "\": the board shows every team.");
        assertThat(unknown.select("#summary-title").text()).isEqualTo("All running launches");
    }

    @Test
    void pages_of_the_board_follow_on_without_gaps_or_repeats() {
        List<Long> opened = new ArrayList<>(List.of(launch));
        for (int i = 0; i < BoardFilter.PAGE_SIZE + 2; i++) {
            opened.add(Fixtures.launch(Fixtures.service(team, 2), template));
        }
        JsonPath first = board("team=" + team);
        JsonPath second = board("team=" + team + "&page=2");
        assertThat(ids(first)).hasSize(BoardFilter.PAGE_SIZE);
        assertThat(first.getBoolean("more")).isTrue();
        assertThat(second.getBoolean("more")).isFalse();
        List<Long> both = new ArrayList<>(ids(first));
        both.addAll(ids(second));
        assertThat(both).containsExactlyInAnyOrderElementsOf(opened);
    }

    @Test
    void names_on_the_board_are_text_not_markup() {
        long tricky = ((Number) Api.admin().contentType(ContentType.JSON).body(Map.of("service", service,
                "template", template, "name", "<script>alert(1)</script> GA", "environment", "production",
                "targetDate", LocalDate.now().plusDays(9).toString()))
                .when().post("/api/v1/launches").then().statusCode(201).extract().path("id")).longValue();
        Document page = Browser.admin().get("/?team=" + team, SC_OK);
        assertThat(page.select("script:containsData(alert)")).isEmpty();
        assertThat(page.select("a[href=/launches/" + tricky + "]").text()).isEqualTo("<script>alert(1)</script> GA");
    }

    @Test
    void the_csv_export_holds_every_launch_of_the_filter_and_defuses_formulas() {
        long formula = ((Number) Api.admin().contentType(ContentType.JSON).body(Map.of("service", service,
                "template", template, "name", "=HYPERLINK(\"http://evil\")", "environment", "production",
                "targetDate", LocalDate.now().plusDays(9).toString()))
                .when().post("/api/v1/launches").then().statusCode(201).extract().path("id")).longValue();
        String csv = Api.admin().when().get("/board/launches.csv?team=" + team).then().statusCode(SC_OK)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"go-live-board.csv\"").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,launch,service,");
        assertThat(lines).hasSize(3);
        assertThat(lines).anyMatch(l -> l.startsWith(formula + ",\"'=HYPERLINK(\"\"http://evil\"\")\","));
        assertThat(lines).anyMatch(l -> l.startsWith(launch + ",Launch "));
        problem(Api.admin().when().get("/board/launches.csv?team=" + Fixtures.unique("nobody")).then(), 400,
                "invalid-input");
    }

    @Test
    void the_heatmap_shows_each_section_of_each_launch() {
        patch(launch, BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1"));
        Document page = Browser.admin().get("/board/heatmap?team=" + team + "&template=" + template, SC_OK);
        assertThat(page.select("table.heatmap thead th").eachText()).containsExactly("Launch", "Basics");
        assertThat(page.select("table.heatmap tbody td a").first().attr("href"))
                .isEqualTo("/launches/" + launch + "#section-basics");
        assertThat(page.select("table.heatmap tbody td").first().text()).endsWith("50%");
    }

    @Test
    void the_trend_reads_the_recorded_days_and_ends_with_today() throws SQLException {
        sql("INSERT INTO team_readiness_day (day, team_id, launches, percent_sum, open_blockers) "
                + "SELECT current_date - 7, id, 4, 200, 3 FROM team WHERE slug = '" + team + "' AND ? > 0", 1);
        JsonPath board = board("team=" + team);
        assertThat(board.getList("trend.day")).containsExactly(LocalDate.now().minusDays(7).toString(),
                LocalDate.now().toString());
        assertThat(board.getInt("trend[0].percent")).isEqualTo(50);
        assertThat(board.getInt("trend[0].openBlockers")).isEqualTo(3);
        assertThat(board.getInt("trend[1].launches")).isEqualTo(1);
    }

    @Test
    void the_launch_page_draws_its_burn_up_against_the_target_date() {
        Document page = Browser.admin().get("/launches/" + launch, SC_OK);
        assertThat(page.select("svg.chart title").text()).isEqualTo("Required items resolved over time");
        assertThat(page.select("svg.chart desc").text()).contains("target date " + LocalDate.now().plusDays(30));
    }

    @Test
    void anonymous_people_are_sent_to_sign_in() {
        Api.anonymous().redirects().follow(false).accept("text/html").when().get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/login"));
        Api.anonymous().when().get("/api/v1/board").then().statusCode(401);
    }

    private void assertAgrees(long id) {
        JsonPath detail = Api.admin().when().get("/api/v1/launches/" + id).then().statusCode(SC_OK).extract().jsonPath();
        Row row = row(board("team=" + team), id);
        assertThat(row.getInt("percent")).isEqualTo(detail.getInt("readiness.percent"));
        assertThat(row.getInt("resolved")).isEqualTo(detail.getInt("readiness.resolved"));
        assertThat(row.getInt("required")).isEqualTo(detail.getInt("readiness.required"));
        assertThat(row.getInt("openBlockers")).isEqualTo(detail.getList("readiness.openBlockers").size());
        assertThat(row.getInt("missingSignOffs")).isEqualTo(detail.getList("readiness.missingSignOffs").size());
        assertThat(row.getInt("awaitingSignOff")).isEqualTo(detail.getList("readiness.awaitingSignOff").size());
        assertThat(row.getInt("stale")).isEqualTo(detail.getList("readiness.stale").size());
        assertThat(row.getInt("overdue")).isEqualTo(detail.getList("readiness.overdue").size());
        assertThat(row.getInt("waivers")).isEqualTo(detail.getList("readiness.waivers").size());
    }

    static JsonPath board(String query) {
        return Api.admin().when().get("/api/v1/board" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(SC_OK).extract().jsonPath();
    }

    /** One launch's row of a board read through the API. */
    record Row(JsonPath board, long id) {

        private String path(String field) {
            return "launches.find { it.id == " + id + " }." + field;
        }

        int getInt(String field) {
            assertThat(board.getList("launches.id", Long.class)).as("launch " + id + " is on the board").contains(id);
            return board.getInt(path(field));
        }

        long getLong(String field) {
            return board.getLong(path(field));
        }

        String getString(String field) {
            return board.getString(path(field));
        }
    }

    static Row row(JsonPath board, long id) {
        return new Row(board, id);
    }

    private static List<Long> ids(JsonPath board) {
        return board.getList("launches.id", Long.class);
    }

    static ValidatableResponse patch(long launch, String key, Map<String, Object> body) {
        return Api.admin().contentType(ContentType.JSON).body(body)
                .when().patch("/api/v1/launches/" + launch + "/items/" + key).then().statusCode(SC_OK);
    }

    private List<Long> count(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query);
                ResultSet r = s.executeQuery()) {
            r.next();
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                counts.add(r.getLong(i));
            }
            return counts;
        }
    }

    private List<List<Object>> table(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query);
                ResultSet r = s.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private void sql(String statement, long parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setLong(1, parameter);
            assertThat(s.executeUpdate()).isPositive();
        }
    }
}
