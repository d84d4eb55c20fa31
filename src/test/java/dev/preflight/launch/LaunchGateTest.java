package dev.preflight.launch;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/** The deploy gate, time (recurring items going stale, waivers expiring) and template upgrades. */
@QuarkusTest
class LaunchGateTest {

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";

    @Inject
    AgroalDataSource dataSource;

    private String template;
    private long launch;

    @BeforeEach
    void launch() {
        template = Fixtures.template(true);
        launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), template);
    }

    @Test
    void the_gate_is_closed_without_a_go_and_open_after_one() {
        problem(gate(), 409, "not-ready").body("state", equalTo("preparing"))
                .body("detail", containsString("no go decision"));
        resolveEverything();
        goDecision();
        gate().statusCode(200).body("launch", equalTo((int) launch)).body("state", equalTo("go"))
                .body("decidedBy", equalTo("admin")).body("conditions", equalTo("watch the error budget"))
                .body("percent", equalTo(100));
        transition("launched");
        gate().statusCode(200).body("state", equalTo("launched"));
    }

    @Test
    void go_decided_then_an_item_went_stale_the_gate_closes_until_it_is_verified_again() throws SQLException {
        resolveEverything();
        goDecision();
        gate().statusCode(200);

        sql("UPDATE launch_item SET done_at = now() - interval '31 days' WHERE launch_id = ? AND key = ?");
        problem(gate(), 409, "not-ready").body("blockers.key", contains(BACKUPS))
                .body("blockers[0].condition", equalTo("stale"));
        Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200)
                .body("readiness.stale.key", contains(BACKUPS)).body("items[0].condition", equalTo("stale"));
        patch(BACKUPS, Map.of("comment", "restore test booked", "assignee", "admin")).statusCode(200)
                .body("condition", equalTo("stale"));
        problem(gate(), 409, "not-ready");
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("to", "launched"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then(), 409, "not-ready")
                .body("blockers.key", contains(BACKUPS));

        patch(BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1")).statusCode(200)
                .body("condition", equalTo("done"));
        gate().statusCode(200);
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/" + BACKUPS + "/history").then()
                .body("action", contains("done", "assigned", "verified_again"));
    }

    @Test
    void a_waiver_past_its_expiry_reopens_the_item_and_closes_the_gate() throws SQLException {
        patch(BACKUPS, Map.of("status", "waived", "waiver", Map.of("reason", "vendor fix", "riskOwner", "CTO",
                "compensatingControl", "manual export", "expiresOn", LocalDate.now().plusDays(7).toString())))
                .statusCode(200);
        patch(RUNBOOK, Map.of("status", "done", "evidenceNote", "wiki/runbook")).statusCode(200);
        goDecision();
        gate().statusCode(200);

        sql("UPDATE launch_item SET waiver_expires = current_date - 1 WHERE launch_id = ? AND key = ?");
        problem(gate(), 409, "not-ready").body("blockers.key", contains(BACKUPS))
                .body("blockers[0].condition", equalTo("waiver_expired"));
    }

    @Test
    void reopening_a_required_item_after_go_closes_the_gate() {
        resolveEverything();
        goDecision();
        patch(RUNBOOK, Map.of("status", "open", "comment", "runbook moved")).statusCode(200);
        problem(gate(), 409, "not-ready").body("blockers.key", contains(RUNBOOK))
                .body("detail", containsString("no longer resolved"));
    }

    @Test
    void a_launch_upgrades_to_the_newest_template_version_keeping_the_state_of_unchanged_items() {
        resolveEverything();
        Api.admin().when().get("/api/v1/launches/" + launch + "/upgrade").then().statusCode(200)
                .body("added", hasSize(0)).body("fromVersion", equalTo(1)).body("toVersion", equalTo(1));
        Fixtures.publishNewVersion(template);

        Api.admin().when().get("/api/v1/launches/" + launch).then().body("latestTemplateVersion", equalTo(2));
        problem(Api.admin().queryParam("to", 1).when().post("/api/v1/launches/" + launch + "/upgrade").then(),
                409, "conflict").body("detail", containsString("Preview the upgrade again"));
        Api.admin().when().get("/api/v1/launches/" + launch + "/upgrade").then().log().ifValidationFails()
                .statusCode(200)
                .body("toVersion", equalTo(2))
                .body("added.key", contains("basics.alerts"))
                .body("removed.key", contains(RUNBOOK))
                .body("changed.key", contains(BACKUPS))
                .body("changed[0].status", equalTo("done"));
        Api.admin().queryParam("to", 2).when().post("/api/v1/launches/" + launch + "/upgrade").then()
                .log().ifValidationFails().statusCode(200)
                .body("templateVersion", equalTo(2))
                .body("items.key", contains(BACKUPS, "basics.alerts"))
                .body("items[0].status", equalTo("done"))
                .body("items[0].title", equalTo("Backups run nightly and restore"))
                .body("items[1].status", equalTo("open"));
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/" + BACKUPS + "/history").then()
                .body("action", contains("done"));
        problem(Api.admin().when().post("/api/v1/launches/" + launch + "/upgrade").then(), 409, "conflict");
        assertThat(Api.admin().when().get("/api/v1/launches/" + launch + "/history").then().extract().jsonPath()
                .getList("action", String.class)).contains("upgraded", "added_by_upgrade", "removed_by_upgrade");
    }

    private void resolveEverything() {
        patch(BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1")).statusCode(200);
        patch(RUNBOOK, Map.of("status", "done", "evidenceNote", "wiki/runbook")).statusCode(200)
                .body("condition", equalTo("done"));
    }

    private void goDecision() {
        transition("in_review");
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("decision", "go", "rationale", "ready", "conditions", "watch the error budget"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().log().ifValidationFails()
                .statusCode(200);
    }

    private void transition(String to) {
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", to))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
    }

    private ValidatableResponse patch(String key, Map<String, Object> body) {
        return Api.admin().contentType(ContentType.JSON).body(body)
                .when().patch("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails();
    }

    private ValidatableResponse gate() {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/gate").then().log().ifValidationFails();
    }

    private void sql(String update) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(update)) {
            s.setLong(1, launch);
            s.setString(2, BACKUPS);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
