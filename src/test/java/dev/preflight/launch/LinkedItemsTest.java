package dev.preflight.launch;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
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

/** Items that follow a service's recovery targets, restore tests and runbook instead of a manual tick. */
@QuarkusTest
class LinkedItemsTest {

    @Inject
    AgroalDataSource dataSource;

    private String service;
    private long launch;

    @BeforeEach
    void launch() {
        String slug = Fixtures.unique("tpl");
        Api.admin().contentType("application/yaml").body("""
                format: preflight-template/1
                slug: %s
                name: Recovery checklist %s
                sections:
                  - key: recovery
                    title: Recovery
                    items:
                      - key: recovery.objectives
                        title: RTO and RPO agreed
                        severity: blocker
                        role: approver
                        satisfiedBy: recovery_targets
                      - key: recovery.restore
                        title: Restore tested
                        severity: blocker
                        satisfiedBy: restore_test
                      - key: recovery.runbook
                        title: Runbook written
                        severity: major
                        satisfiedBy: runbook
                """.formatted(slug, slug)).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(201);
        service = Fixtures.service(Fixtures.team(), 2);
        launch = Fixtures.launch(service, slug);
    }

    @Test
    void linked_items_follow_the_recovery_data_and_cannot_be_ticked_by_hand() {
        items().body("items.condition", contains("open", "open", "open"))
                .body("items[0].satisfiedBy", equalTo("recovery_targets"))
                .body("items[0].linkedState", equalTo("no recovery targets are set"))
                .body("items[0].linkedPage", equalTo("/services/" + service + "/recovery"))
                .body("readiness.openBlockers.key", contains("recovery.objectives", "recovery.restore"));
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("status", "done"))
                .when().patch("/api/v1/launches/" + launch + "/items/recovery.objectives").then(), 400, "invalid-input")
                .body("errors.field", contains("status"))
                .body("errors[0].message", containsString("follows the service's recovery targets"));

        targets("24 h");
        items().body("items[0].condition", equalTo("open"))
                .body("items[0].linkedState", containsString("a target cannot be met: RPO 1 h but backups"));
        targets("1 h");
        items().body("items[0].condition", equalTo("awaiting_sign_off"))
                .body("items[0].linkedState", equalTo("1 recovery targets set, all consistent"));
        Fixtures.TestUser approver = Fixtures.user("approver");
        Api.as(approver.writeToken()).contentType(ContentType.JSON).body(Map.of("signOff", true))
                .when().patch("/api/v1/launches/" + launch + "/items/recovery.objectives").then()
                .log().ifValidationFails().statusCode(200).body("condition", equalTo("done"))
                .body("signedOffBy", equalTo(approver.username()));
        targets("30 min");
        items().body("items[0].condition", equalTo("awaiting_sign_off")).body("items[0].signedOffBy", nullValue());
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/recovery.objectives/history").then()
                .body("action", contains("signed_off", "sign_off_reset"))
                .body("[1].details.reason", equalTo("the recovery targets changed"));
        Api.as(approver.writeToken()).contentType(ContentType.JSON).body(Map.of("signOff", true))
                .when().patch("/api/v1/launches/" + launch + "/items/recovery.objectives").then().statusCode(200);

        Api.admin().contentType(ContentType.JSON).body(Map.of("kind", "restore_test", "performedOn",
                LocalDate.now().toString(), "recoveryTime", "30 min", "outcome", "success"))
                .when().post("/api/v1/services/" + service + "/drills").then().statusCode(201);
        Api.admin().contentType(ContentType.JSON).body(Map.of("content", complete(), "note", "done"))
                .when().put("/api/v1/services/" + service + "/runbook").then().statusCode(200);
        items().body("items.condition", contains("done", "done", "done"))
                .body("readiness.percent", equalTo(100));

        Api.admin().contentType(ContentType.JSON).body(Map.of("kind", "restore_test", "performedOn",
                LocalDate.now().toString(), "recoveryTime", "9 h", "outcome", "success"))
                .when().post("/api/v1/services/" + service + "/drills").then().statusCode(201).body("passed", equalTo(false));
        items().body("items[1].condition", equalTo("stale"))
                .body("items[1].linkedState", containsString("did not pass"));
    }

    @Test
    void the_gate_closes_when_the_restore_test_goes_stale_after_go() throws SQLException {
        targets("1 h");
        Api.admin().contentType(ContentType.JSON).body(Map.of("kind", "restore_test", "performedOn",
                LocalDate.now().toString(), "recoveryTime", "30 min", "outcome", "success"))
                .when().post("/api/v1/services/" + service + "/drills").then().statusCode(201);
        Api.admin().contentType(ContentType.JSON).body(Map.of("content", complete()))
                .when().put("/api/v1/services/" + service + "/runbook").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("signOff", true))
                .when().patch("/api/v1/launches/" + launch + "/items/recovery.objectives").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("decision", "go", "rationale", "recovery proven"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().log().ifValidationFails().statusCode(200);
        Api.admin().when().get("/api/v1/launches/" + launch + "/gate").then().statusCode(200);

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recovery_drill SET performed_on = current_date - 40 WHERE service_id = "
                        + "(SELECT id FROM service WHERE slug = ?)")) {
            s.setString(1, service);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        problem(Api.admin().when().get("/api/v1/launches/" + launch + "/gate").then(), 409, "not-ready")
                .body("blockers.key", contains("recovery.restore"))
                .body("blockers[0].condition", equalTo("stale"));
    }

    @Test
    void templates_carry_the_link_and_the_built_in_ones_mark_their_recovery_items() {
        problem(Api.admin().contentType("application/yaml").body("""
                format: preflight-template/1
                slug: %s
                name: Bad link
                sections:
                  - key: s
                    title: S
                    items:
                      - key: s.one
                        title: One
                        satisfiedBy: gut_feeling
                """.formatted(Fixtures.unique("tpl"))).when().post("/api/v1/templates/import").then(),
                400, "invalid-input").body("errors[0].message", containsString("recovery_targets, restore_test, runbook"));
        List<Map<String, Object>> items = Api.admin().when().get("/api/v1/templates/launch-readiness").then()
                .statusCode(200).extract().jsonPath().getList("versions");
        int latest = ((Number) items.get(0).get("number")).intValue();
        Api.admin().when().get("/api/v1/templates/launch-readiness/versions/" + latest).then().statusCode(200)
                .body("content.sections.items.flatten().findAll { it.satisfiedBy != null }.key",
                        hasItem("backup-strategy.recovery-objectives"))
                .body("content.sections.items.flatten().find { it.key == 'runbook.service-runbook' }.satisfiedBy",
                        equalTo("runbook"));
    }

    private void targets(String backupEvery) {
        Api.admin().contentType(ContentType.JSON).body(List.of(Map.of("rto", "4 h", "rpo", "1 h",
                "backupEvery", backupEvery, "retentionDays", 30, "separateLocation", true)))
                .when().put("/api/v1/services/" + service + "/recovery-targets").then().statusCode(200);
    }

    private String complete() {
        String skeleton = Api.admin().when().get("/api/v1/services/" + service + "/runbook").then().statusCode(200)
                .extract().path("content");
        return skeleton.replaceAll("_[^_\\n]+\\._", "Written down.");
    }

    private ValidatableResponse items() {
        return Api.admin().when().get("/api/v1/launches/" + launch).then().log().ifValidationFails().statusCode(200);
    }
}
