package dev.preflight.dashboard;

import static org.apache.http.HttpStatus.SC_OK;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.preflight.Api;
import dev.preflight.Fixtures;
import dev.preflight.PropertyCheck;

/**
 * The board keeps each launch's sums by the difference each change makes, not by counting again;
 * this checks, over seeded random runs of changes of every kind (by an approver and by an engineer,
 * with the clock moved on now and then), that the sums always equal what the launch page counts,
 * overall and per section.
 */
@QuarkusTest
class BoardAgreementTest {

    private static final List<String> KEYS = List.of("core.a", "core.b", "core.c", "core.d", "ops.e", "ops.f",
            "ops.g", "ops.h");

    @Inject
    AgroalDataSource dataSource;

    /** One change to make: who makes it, to which item, and the body of the PATCH. */
    record Change(boolean approver, String key, Map<String, Object> body, boolean ageFirst) {
    }

    @Test
    void every_change_leaves_the_board_agreeing_with_the_launch() {
        String team = Fixtures.team();
        String template = template();
        long launch = Fixtures.launch(Fixtures.service(team, 2), template);
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        PropertyCheck.forAll(120, BoardAgreementTest::change, change -> {
            if (change.ageFirst()) {
                age(launch);
            }
            String token = change.approver() ? null : engineer.writeToken();
            (token == null ? Api.admin() : Api.as(token)).contentType(ContentType.JSON).body(change.body())
                    .when().patch("/api/v1/launches/" + launch + "/items/" + change.key()).then()
                    .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200),
                            org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(403)));
            assertAgrees(team, launch);
        });
    }

    private static Change change(Random random) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                body.put("status", "done");
                body.put("evidenceLink", "https://ci.example/run/" + random.nextInt(1000));
                body.put("evidenceNote", "checked");
            }
            case 2 -> body.put("status", "open");
            case 3 -> {
                body.put("status", "not_applicable");
                body.put("reason", "not used here");
            }
            case 4 -> {
                body.put("status", "blocked");
                body.put("reason", "waiting");
            }
            case 5 -> {
                body.put("status", "waived");
                body.put("waiver", Map.of("reason", "later", "riskOwner", "CTO", "compensatingControl", "alerts",
                        "expiresOn", LocalDate.now().plusDays(1 + random.nextInt(30)).toString()));
            }
            case 6 -> body.put("signOff", random.nextBoolean());
            case 7 -> body.put("dueDate", LocalDate.now().plusDays(random.nextInt(7) - 3).toString());
            default -> body.put("comment", "looked at it");
        }
        return new Change(random.nextInt(3) > 0, key, body, random.nextInt(8) == 0);
    }

    /** Moves the launch a month on: done items were verified long ago, and its sums are overtaken. */
    private void age(long launch) {
        update("UPDATE launch_item SET done_at = done_at - interval '40 days' WHERE launch_id = ? AND done_at IS NOT NULL",
                launch);
        update("UPDATE launch_summary SET valid_until = now() - interval '1 second' WHERE launch_id = ?", launch);
    }

    private void assertAgrees(String team, long launch) {
        JsonPath detail = Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(SC_OK).extract()
                .jsonPath();
        BoardTest.Row row = BoardTest.row(BoardTest.board("team=" + team), launch);
        assertThat(row.getInt("resolved")).isEqualTo(detail.getInt("readiness.resolved"));
        assertThat(row.getInt("required")).isEqualTo(detail.getInt("readiness.required"));
        assertThat(row.getInt("percent")).isEqualTo(detail.getInt("readiness.percent"));
        assertThat(row.getInt("openBlockers")).isEqualTo(detail.getList("readiness.openBlockers").size());
        assertThat(row.getInt("missingSignOffs")).isEqualTo(detail.getList("readiness.missingSignOffs").size());
        assertThat(row.getInt("awaitingSignOff")).isEqualTo(detail.getList("readiness.awaitingSignOff").size());
        assertThat(row.getInt("stale")).isEqualTo(detail.getList("readiness.stale").size());
        assertThat(row.getInt("overdue")).isEqualTo(detail.getList("readiness.overdue").size());
        assertThat(row.getInt("waivers")).isEqualTo(detail.getList("readiness.waivers").size());
        List<Map<String, Object>> sections = detail.getList("readiness.sections");
        List<String> expected = new ArrayList<>();
        sections.forEach(s -> expected.add(s.get("key") + " " + s.get("items") + " " + s.get("required") + " "
                + s.get("resolved")));
        assertThat(sections(launch)).containsExactlyElementsOf(expected);
    }

    private List<String> sections(long launch) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT section_key, items, required, resolved FROM launch_section_summary WHERE launch_id = ? "
                        + "ORDER BY position")) {
            s.setLong(1, launch);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getInt(2) + " " + r.getInt(3) + " " + r.getInt(4));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private void update(String sql, long launch) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, launch);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Eight items of every kind: blockers, majors and minors, approver items, evidence, recurrence. */
    private static String template() {
        String slug = Fixtures.unique("tpl");
        String yaml = """
                format: preflight-template/1
                slug: %s
                name: Agreement %s
                sections:
                  - key: core
                    title: Core
                    items:
                      - {key: core.a, title: A, severity: blocker, role: engineer, evidence: link, recurrenceDays: 30}
                      - {key: core.b, title: B, severity: blocker, role: approver, evidence: note}
                      - {key: core.c, title: C, severity: major, role: approver}
                      - {key: core.d, title: D, severity: minor, role: engineer}
                  - key: ops
                    title: Ops
                    items:
                      - {key: ops.e, title: E, severity: major, role: engineer, recurrenceDays: 7}
                      - {key: ops.f, title: F, severity: major, role: engineer, evidence: link}
                      - {key: ops.g, title: G, severity: minor, role: approver}
                      - {key: ops.h, title: H, severity: blocker, role: engineer}
                """.formatted(slug, slug);
        Api.admin().contentType("application/yaml").body(yaml).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(201);
        return slug;
    }
}
