package dev.preflight.launch;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/** Opening launches, every item action and its refusals, and every launch state transition and refusal. */
@QuarkusTest
class LaunchApiTest {

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";

    private String team;
    private String service;
    private String template;
    private Fixtures.TestUser engineer;
    private Fixtures.TestUser approver;
    private long launch;

    @BeforeEach
    void launch() {
        team = Fixtures.team();
        service = Fixtures.service(team, 2);
        template = Fixtures.template(true);
        engineer = Fixtures.user("engineer", team);
        approver = Fixtures.user("approver");
        launch = Fixtures.launch(service, template);
    }

    @Test
    void a_launch_snapshots_the_template_items_for_the_service_tier() {
        Api.admin().when().get("/api/v1/launches/" + launch).then().log().ifValidationFails().statusCode(200)
                .header("ETag", "\"0\"")
                .body("state", equalTo("preparing"))
                .body("service", equalTo(service))
                .body("template", equalTo(template))
                .body("templateVersion", equalTo(1))
                .body("items.key", contains(BACKUPS, RUNBOOK))
                .body("items[0].severity", equalTo("blocker"))
                .body("items[0].condition", equalTo("open"))
                .body("items[1].role", equalTo("approver"))
                .body("readiness.required", equalTo(2))
                .body("readiness.percent", equalTo(0))
                .body("readiness.openBlockers.key", contains(BACKUPS))
                .body("readiness.missingSignOffs.key", contains(RUNBOOK))
                .body("next", contains("in_review", "cancelled"));

        String tier3 = Fixtures.service(team, 3);
        Api.admin().when().get("/api/v1/launches/" + Fixtures.launch(tier3, template)).then().statusCode(200)
                .body("items.key", contains(BACKUPS));
    }

    @Test
    void opening_a_launch_names_every_bad_field_and_needs_the_owning_team() {
        Map<String, Object> body = new HashMap<>();
        body.put("service", "no-such-service");
        body.put("template", template);
        body.put("templateVersion", 9);
        body.put("name", " ");
        body.put("environment", "production");
        body.put("targetDate", LocalDate.now().minusDays(1).toString());
        problem(Api.admin().contentType(ContentType.JSON).body(body).when().post("/api/v1/launches").then(),
                400, "invalid-input")
                .body("errors.field", contains("name", "service", "targetDate", "templateVersion"));

        String otherTeam = Fixtures.team();
        Fixtures.TestUser outsider = Fixtures.user("engineer", otherTeam);
        problem(Api.as(outsider.writeToken()).contentType(ContentType.JSON).body(openBody(service))
                .when().post("/api/v1/launches").then(), 403, "forbidden");
        Api.as(engineer.writeToken()).contentType(ContentType.JSON).body(openBody(service))
                .when().post("/api/v1/launches").then().statusCode(201)
                .header("Location", containsString("/api/v1/launches/"));
    }

    @Test
    void done_needs_the_evidence_the_item_asks_for() {
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("status", "done")), 400, "invalid-input")
                .body("errors.field", contains("evidenceLink"));
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("status", "done", "evidenceLink", "javascript:alert(1)")),
                400, "invalid-input").body("errors.field", contains("evidenceLink"));
        problem(patch(engineer.writeToken(), RUNBOOK, Map.of("status", "done", "evidenceLink", "https://x.example")),
                400, "invalid-input").body("errors.field", contains("evidenceNote"));
        patch(engineer.writeToken(), BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/restore/1"))
                .statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("done")).body("condition", equalTo("done"))
                .body("doneBy", equalTo(engineer.username()))
                .body("evidenceLink", equalTo("https://ci.example/restore/1"));
    }

    @Test
    void an_approver_item_done_by_an_engineer_waits_for_sign_off_and_a_sign_off_resets_when_its_evidence_changes() {
        patch(engineer.writeToken(), RUNBOOK, Map.of("status", "done", "evidenceNote", "wiki/runbook v1"))
                .statusCode(200).body("condition", equalTo("awaiting_sign_off")).body("resolved", equalTo(false));
        problem(patch(engineer.writeToken(), RUNBOOK, Map.of("signOff", true)), 403, "forbidden");
        patch(approver.writeToken(), RUNBOOK, Map.of("signOff", true)).statusCode(200)
                .body("condition", equalTo("done")).body("signedOffBy", equalTo(approver.username()));

        patch(engineer.writeToken(), RUNBOOK, Map.of("evidenceNote", "wiki/runbook v2")).statusCode(200)
                .body("condition", equalTo("awaiting_sign_off")).body("signedOffBy", nullValue());
        history(RUNBOOK).body("action", contains("done", "signed_off", "evidence_changed"))
                .body("[2].details.signOffReset", equalTo(true))
                .body("[2].evidenceNote", equalTo("wiki/runbook v2"));

        patch(approver.writeToken(), RUNBOOK, Map.of("evidenceNote", "wiki/runbook v3")).statusCode(200)
                .body("condition", equalTo("done")).body("signedOffBy", equalTo(approver.username()));
        problem(patch(approver.writeToken(), BACKUPS, Map.of("signOff", true)), 400, "invalid-input")
                .body("errors.field", contains("signOff"));
    }

    @Test
    void only_approvers_mark_an_item_that_needs_their_sign_off_not_applicable() {
        problem(patch(engineer.writeToken(), RUNBOOK, Map.of("status", "not_applicable", "reason", "no runbook")),
                403, "forbidden");
        patch(approver.writeToken(), RUNBOOK, Map.of("status", "not_applicable", "reason", "batch job, no on-call"))
                .statusCode(200).body("resolved", equalTo(true));
    }

    @Test
    void values_the_database_cannot_store_are_refused_with_400_not_500() {
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("comment", "nul \u0000 inside")), 400,
                "malformed-request");
        problem(Api.admin().queryParam("from", "+100000000-01-01").when().get("/api/v1/launches").then(), 400,
                "malformed-request");
        problem(Api.admin().queryParam("page", 2_000_000).when().get("/api/v1/launches").then(), 400,
                "invalid-input").body("errors.field", contains("page"));
        history(BACKUPS).body("$", hasSize(0));
    }

    @Test
    void not_applicable_and_blocked_need_a_reason_and_reopen_clears_the_item() {
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("status", "not_applicable")), 400, "invalid-input")
                .body("errors.field", contains("reason"));
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("status", "blocked", "reason", " ")), 400, "invalid-input")
                .body("errors.field", contains("reason"));
        patch(engineer.writeToken(), BACKUPS, Map.of("status", "blocked", "reason", "storage quota"))
                .statusCode(200).body("condition", equalTo("blocked")).body("reason", equalTo("storage quota"));
        patch(engineer.writeToken(), BACKUPS, Map.of("status", "not_applicable", "reason", "stateless"))
                .statusCode(200).body("condition", equalTo("not_applicable")).body("resolved", equalTo(true));
        patch(engineer.writeToken(), BACKUPS, Map.of("status", "open", "comment", "it keeps state after all"))
                .statusCode(200).body("condition", equalTo("open")).body("reason", nullValue());
        history(BACKUPS).body("action", contains("blocked", "not_applicable", "reopened"))
                .body("[2].comment", equalTo("it keeps state after all"))
                .body("[0].details.reason", equalTo("storage quota"))
                .body("[1].from", equalTo("blocked")).body("[1].to", equalTo("not_applicable"));
    }

    @Test
    void assignee_due_date_and_comments_are_recorded_and_cleared_with_an_empty_string() {
        patch(engineer.writeToken(), BACKUPS, Map.of("assignee", engineer.username(), "dueDate", "2031-02-03"))
                .statusCode(200).body("assignee", equalTo(engineer.username()))
                .body("dueDate", equalTo("2031-02-03"));
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("assignee", "nobody-here", "dueDate", "tomorrow")),
                400, "invalid-input").body("errors.field", contains("assignee", "dueDate"));
        patch(engineer.writeToken(), BACKUPS, Map.of("comment", "restore test booked")).statusCode(200)
                .header("ETag", "\"1\"");
        patch(engineer.writeToken(), BACKUPS, Map.of("assignee", "", "dueDate", "")).statusCode(200)
                .body("assignee", nullValue()).body("dueDate", nullValue());
        history(BACKUPS).body("action", contains("assigned", "commented", "assigned"))
                .body("[0].details.dueDate.to", equalTo("2031-02-03"))
                .body("[2].details.assignee.from", equalTo(engineer.username()))
                .body("via", everyItem(startsWith("token:")))
                .body("role", hasItem("engineer"));
    }

    @Test
    void put_sets_the_whole_state_and_needs_a_status() {
        problem(put(engineer.writeToken(), BACKUPS, Map.of("evidenceLink", "https://x.example")), 400, "invalid-input")
                .body("errors.field", contains("status"));
        put(engineer.writeToken(), BACKUPS, Map.of("status", "done", "evidenceLink", "https://x.example",
                "assignee", engineer.username())).statusCode(200).body("assignee", equalTo(engineer.username()));
        put(engineer.writeToken(), BACKUPS, Map.of("status", "done", "evidenceLink", "https://x.example"))
                .statusCode(200).body("assignee", nullValue()).body("evidenceLink", equalTo("https://x.example"));
        put(engineer.writeToken(), BACKUPS, Map.of("status", "done", "evidenceLink", "https://x.example"))
                .statusCode(200).header("ETag", "\"2\"");
        history(BACKUPS).body("$", hasSize(2));
    }

    @Test
    void only_approvers_waive_with_reason_owner_control_and_a_future_expiry() {
        Map<String, Object> waiver = Map.of("reason", "vendor fix due", "riskOwner", "Head of Payments",
                "compensatingControl", "manual daily export", "expiresOn", LocalDate.now().plusDays(14).toString());
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("status", "waived", "waiver", waiver)), 403, "forbidden");
        problem(patch(approver.writeToken(), BACKUPS, Map.of("status", "waived", "waiver",
                Map.of("reason", "x", "expiresOn", LocalDate.now().toString()))), 400, "invalid-input")
                .body("errors.field", contains("waiver.compensatingControl", "waiver.expiresOn", "waiver.riskOwner"));
        patch(approver.writeToken(), BACKUPS, Map.of("status", "waived", "waiver", waiver)).statusCode(200)
                .body("condition", equalTo("waived"))
                .body("waiver.riskOwner", equalTo("Head of Payments"))
                .body("waiver.waivedBy", equalTo(approver.username()));
        Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200)
                .body("readiness.waivers.key", contains(BACKUPS))
                .body("readiness.waivers[0].riskOwner", equalTo("Head of Payments"))
                .body("readiness.openBlockers", hasSize(0));
        patch(engineer.writeToken(), BACKUPS, Map.of("assignee", engineer.username())).statusCode(200)
                .body("condition", equalTo("waived"));
    }

    @Test
    void a_launch_moves_through_its_states_and_refuses_every_move_it_does_not_allow() {
        problem(transition(engineer.writeToken(), "launched"), 409, "conflict");
        problem(transition(engineer.writeToken(), "go"), 400, "invalid-input").body("errors.field", contains("to"));
        problem(decide(approver.writeToken(), "no_go", "too early"), 409, "conflict");
        transition(engineer.writeToken(), "in_review").statusCode(200).body("state", equalTo("in_review"));

        problem(decide(engineer.writeToken(), "go", "looks fine"), 403, "forbidden");
        problem(decide(approver.writeToken(), "go", "looks fine"), 409, "not-ready")
                .body("blockers.key", contains(BACKUPS, RUNBOOK))
                .body("detail", containsString(BACKUPS));
        decide(approver.writeToken(), "no_go", "backups untested").statusCode(200).body("state", equalTo("no_go"))
                .body("decision.decision", equalTo("no_go"));
        problem(transition(engineer.writeToken(), "launched"), 409, "conflict");
        transition(engineer.writeToken(), "in_review").statusCode(200).body("decision", nullValue());

        patch(engineer.writeToken(), BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/1"))
                .statusCode(200);
        patch(approver.writeToken(), RUNBOOK, Map.of("status", "done", "evidenceNote", "wiki")).statusCode(200);
        Map<String, Object> go = Map.of("decision", "go", "rationale", "all green", "conditions", "watch error rate");
        Api.as(approver.writeToken()).contentType(ContentType.JSON).body(go)
                .when().post("/api/v1/launches/" + launch + "/decision").then().log().ifValidationFails()
                .statusCode(200).body("state", equalTo("go")).body("decision.decidedBy", equalTo(approver.username()))
                .body("decision.conditions", equalTo("watch error rate"));
        transition(engineer.writeToken(), "launched").statusCode(200).body("state", equalTo("launched"))
                .body("next", contains("closed"));
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("comment", "late")), 409, "conflict");
        problem(transition(engineer.writeToken(), "cancelled"), 409, "conflict");
        problem(decide(approver.writeToken(), "no_go", "changed my mind"), 409, "conflict");

        List<String> actions = Api.admin().when().get("/api/v1/launches/" + launch + "/history").then()
                .statusCode(200).extract().jsonPath().getList("action");
        assertThat(actions).startsWith("state_changed", "decided").endsWith("opened");
    }

    @Test
    void a_cancelled_launch_refuses_edits_and_a_stale_launch_version_is_refused() {
        problem(Api.as(engineer.writeToken()).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("to", "cancelled")).when().post("/api/v1/launches/" + launch + "/transitions").then(),
                412, "stale-version");
        problem(transition(engineer.writeToken(), "cancelled"), 400, "invalid-input")
                .body("errors[0].field", equalTo("comment"));
        Api.as(engineer.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("to", "cancelled", "comment", "the service is retired before launch"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200)
                .body("state", equalTo("cancelled"));
        Api.admin().when().get("/api/v1/launches/" + launch + "/history").then().statusCode(200)
                .body("[0].action", equalTo("state_changed"))
                .body("[0].comment", equalTo("the service is retired before launch"));
        problem(patch(engineer.writeToken(), BACKUPS, Map.of("status", "done", "evidenceLink", "https://x.example")),
                409, "conflict").body("detail", containsString("cancelled"));
        problem(Api.as(engineer.writeToken()).when().post("/api/v1/launches/" + launch + "/upgrade").then(),
                409, "conflict");
    }

    @Test
    void viewers_and_read_tokens_read_but_do_not_write_and_unknown_things_are_404() {
        Fixtures.TestUser viewer = Fixtures.user("viewer");
        Api.as(viewer.writeToken()).when().get("/api/v1/launches/" + launch + "/items/" + BACKUPS).then()
                .statusCode(200).header("ETag", "\"0\"");
        problem(patch(viewer.writeToken(), BACKUPS, Map.of("comment", "hi")), 403, "forbidden");
        problem(patch(engineer.readToken(), BACKUPS, Map.of("comment", "hi")), 403, "forbidden");
        problem(patch(engineer.writeToken(), "no.such.item", Map.of("comment", "hi")), 404, "not-found");
        problem(Api.admin().when().get("/api/v1/launches/999999999").then(), 404, "not-found");
    }

    @Test
    void launches_are_listed_with_filters() {
        String otherTeam = Fixtures.team();
        long other = Fixtures.launch(Fixtures.service(otherTeam, 1), template);
        Api.admin().queryParam("team", team).when().get("/api/v1/launches").then().statusCode(200)
                .body("items.id", contains((int) launch)).body("items[0].progress.required", equalTo(2))
                .body("total", equalTo(1));
        Api.admin().queryParam("service", service).queryParam("state", "preparing")
                .queryParam("from", LocalDate.now().toString()).when().get("/api/v1/launches").then().statusCode(200)
                .body("items.id", contains((int) launch));
        Api.admin().queryParam("state", "go").queryParam("team", team).when().get("/api/v1/launches").then()
                .statusCode(200).body("items", hasSize(0));
        problem(Api.admin().queryParam("state", "flying").queryParam("from", "soon").when().get("/api/v1/launches")
                .then(), 400, "invalid-input").body("errors.field", contains("from", "state"));
        Api.admin().queryParam("team", otherTeam).when().get("/api/v1/launches").then().statusCode(200)
                .body("items.id", contains((int) other)).body("items[0].tier", equalTo(1));
    }

    private Map<String, Object> openBody(String serviceSlug) {
        return Map.of("service", serviceSlug, "template", template, "name", "Payments API GA",
                "environment", "production", "targetDate", LocalDate.now().plusDays(10).toString());
    }

    private ValidatableResponse patch(String token, String key, Map<String, Object> body) {
        return Api.as(token).contentType(ContentType.JSON).body(body)
                .when().patch("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails();
    }

    private ValidatableResponse put(String token, String key, Map<String, Object> body) {
        return Api.as(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails();
    }

    private ValidatableResponse history(String key) {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/items/" + key + "/history").then()
                .log().ifValidationFails().statusCode(200);
    }

    private ValidatableResponse transition(String token, String to) {
        return Api.as(token).contentType(ContentType.JSON).body(Map.of("to", to))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().log().ifValidationFails();
    }

    private ValidatableResponse decide(String token, String decision, String rationale) {
        return Api.as(token).contentType(ContentType.JSON).body(Map.of("decision", decision, "rationale", rationale))
                .when().post("/api/v1/launches/" + launch + "/decision").then().log().ifValidationFails();
    }
}
