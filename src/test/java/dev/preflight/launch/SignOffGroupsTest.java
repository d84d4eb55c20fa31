package dev.preflight.launch;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Eventually;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/**
 * Sign-off by the owners of each area: only a group's members (and admins, recorded as such) sign
 * its items; a tier's policy sets how many distinct approvers agree to a go, and four-eyes keeps
 * the person who marked an item done from signing it off.
 */
@QuarkusTest
class SignOffGroupsTest {

    @Inject
    AgroalDataSource dataSource;

    private String team;
    private String template;
    private Fixtures.TestUser securityApprover;
    private Fixtures.TestUser operationsApprover;
    private Fixtures.TestUser engineer;
    private String security;
    private String operations;

    @BeforeEach
    void groups() {
        team = Fixtures.team();
        engineer = Fixtures.user("engineer", team);
        securityApprover = Fixtures.user("approver", team);
        operationsApprover = Fixtures.user("approver", team);
        security = Fixtures.unique("security");
        operations = Fixtures.unique("operations");
        defineGroup(security, "Security", securityApprover.username()).statusCode(200)
                .body("members", contains(securityApprover.username()));
        defineGroup(operations, "Operations", operationsApprover.username()).statusCode(200);
        template = Fixtures.unique("areas");
        String yaml = """
                format: preflight-template/1
                slug: %s
                name: Areas
                sections:
                  - key: basics
                    title: Basics
                    items:
                      - key: basics.pen-test
                        title: Penetration test passed
                        severity: blocker
                        role: approver
                        signOffGroup: %s
                        evidence: link
                  - key: operations
                    title: Operations
                    signOffGroup: %s
                    items:
                      - key: basics.on-call
                        title: On-call rota set up
                        role: approver
                        evidence: link
                """.formatted(template, security, operations);
        Api.admin().contentType("application/yaml").body(yaml).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(201);
    }

    @AfterEach
    void policyBack() {
        policy(1, 1, false).statusCode(200);
    }

    @Test
    void an_item_is_signed_by_its_groups_members_and_admins_act_for_any_group_on_record() {
        long launch = Fixtures.launch(Fixtures.service(team, 2), template);
        done(engineer, launch, "basics.pen-test").statusCode(200).body("condition", equalTo("awaiting_sign_off"));
        done(engineer, launch, "basics.on-call").statusCode(200);

        problem(signOff(operationsApprover, launch, "basics.pen-test"), 403, "forbidden")
                .body("detail", containsString("'Security'"));
        signOff(securityApprover, launch, "basics.pen-test").statusCode(200).body("condition", equalTo("done"))
                .body("signedOffBy", equalTo(securityApprover.username()));
        Api.admin().contentType(ContentType.JSON).body(Map.of("signOff", true)).when()
                .patch("/api/v1/launches/" + launch + "/items/basics.on-call").then().statusCode(200);
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/basics.on-call/history").then()
                .body("find { it.action == 'signed_off' }.details.signedFor", equalTo(operations))
                .body("find { it.action == 'signed_off' }.details.asAdmin", equalTo(true));
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/basics.pen-test/history").then()
                .body("find { it.action == 'signed_off' }.details.asAdmin", equalTo(null));
    }

    @Test
    void a_tier_one_go_needs_two_distinct_approvers_and_every_owed_groups_sign_off() {
        policy(1, 2, true).statusCode(200).body("goDeciders", equalTo(2)).body("fourEyes", equalTo(true));
        long launch = Fixtures.launch(Fixtures.service(team, 1), template);
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review")).when()
                .post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);

        Document decision = securityApprover.browser().get("/launches/" + launch + "/decision", 200);
        assertThat(Html.text(decision, "section[aria-labelledby=owed-title]")).contains("Security: 1 item",
                "Operations: 1 item", "needs 2 distinct approvers");
        problem(decide(securityApprover, launch), 409, "not-ready").body("blockers.signOffGroup", hasItem(security));

        done(securityApprover, launch, "basics.pen-test").statusCode(200).body("condition", equalTo("awaiting_sign_off"));
        problem(signOff(securityApprover, launch, "basics.pen-test"), 403, "forbidden")
                .body("detail", containsString("Four eyes"));
        done(engineer, launch, "basics.on-call").statusCode(200);
        signOff(operationsApprover, launch, "basics.on-call").statusCode(200);
        Fixtures.TestUser secondSecurity = Fixtures.user("approver", team);
        defineGroup(security, "Security", securityApprover.username(), secondSecurity.username()).statusCode(200);
        signOff(secondSecurity, launch, "basics.pen-test").statusCode(200).body("condition", equalTo("done"));

        decide(securityApprover, launch).statusCode(200).body("state", equalTo("in_review"))
                .body("goAgreedBy", contains(securityApprover.username()));
        problem(decide(securityApprover, launch), 409, "conflict").body("detail", containsString("agreed to this go already"));
        problem(gate(launch), 409, "not-ready");
        decide(operationsApprover, launch).statusCode(200).body("state", equalTo("go"))
                .body("decision.decidedBy", equalTo(operationsApprover.username()));
        gate(launch).statusCode(200);
        Api.admin().when().get("/api/v1/launches/" + launch + "/history").then()
                .body("find { it.action == 'decided' }.details.agreedBy",
                        contains(securityApprover.username(), operationsApprover.username()))
                .body("action", hasItem("go_agreed"));
    }

    @Test
    void groups_and_policies_are_kept_by_admins_and_refuse_unknown_people() {
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Ghosts", "members", List.of("nobody-here")))
                .when().put("/api/v1/sign-off-groups/" + Fixtures.unique("ghosts")).then(), 400, "invalid-input")
                .body("errors[0].field", equalTo("members")).body("errors[0].message", containsString("nobody-here"));
        problem(Api.as(securityApprover.writeToken()).contentType(ContentType.JSON).body(Map.of("name", "Mine"))
                .when().put("/api/v1/sign-off-groups/" + Fixtures.unique("mine")).then(), 403, "forbidden");
        problem(policy(1, 9, false), 400, "invalid-input").body("errors[0].field", equalTo("goDeciders"));
        Api.as(engineer.readToken()).when().get("/api/v1/sign-off-groups").then().statusCode(200)
                .body("key", hasItem(security));

        Document page = dev.preflight.Browser.admin().get("/admin/sign-off", 200);
        assertThat(page.select("input[id=members-" + security + "]").attr("value"))
                .isEqualTo(securityApprover.username());
        Api.admin().when().delete("/api/v1/sign-off-groups/" + operations).then().statusCode(204);
        long launch = Fixtures.launch(Fixtures.service(team, 2), template);
        done(engineer, launch, "basics.on-call").statusCode(200);
        signOff(securityApprover, launch, "basics.on-call").statusCode(200).body("condition", equalTo("done"));
    }

    @Test
    void a_group_changed_by_another_instance_is_heard_at_once_though_this_one_keeps_groups_in_memory()
            throws SQLException {
        long launch = Fixtures.launch(Fixtures.service(team, 2), template);
        done(engineer, launch, "basics.pen-test").statusCode(200);
        problem(signOff(operationsApprover, launch, "basics.pen-test"), 403, "forbidden");

        // Another instance adds the operations approver to Security: only the database knows.
        try (Connection c = dataSource.getConnection(); PreparedStatement add = c.prepareStatement("""
                INSERT INTO signoff_group_member (group_id, user_id)
                SELECT g.id, u.id FROM signoff_group g, app_user u WHERE g.key = ? AND u.username = ?""")) {
            add.setString(1, security);
            add.setString(2, operationsApprover.username());
            assertThat(add.executeUpdate()).isEqualTo(1);
        }
        // Well inside the time a kept answer may live without being told (10 s).
        Eventually.until(Duration.ofSeconds(5),
                () -> signOff(operationsApprover, launch, "basics.pen-test").extract().statusCode() == 200);
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/basics.pen-test").then()
                .body("condition", equalTo("done")).body("signedOffBy", equalTo(operationsApprover.username()));
    }

    private ValidatableResponse defineGroup(String key, String name, String... members) {
        return Api.admin().contentType(ContentType.JSON).body(Map.of("name", name, "members", List.of(members)))
                .when().put("/api/v1/sign-off-groups/" + key).then().log().ifValidationFails();
    }

    private static ValidatableResponse policy(int tier, int deciders, boolean fourEyes) {
        return Api.admin().contentType(ContentType.JSON).body(Map.of("goDeciders", deciders, "fourEyes", fourEyes))
                .when().put("/api/v1/launch-policies/" + tier).then().log().ifValidationFails();
    }

    private static ValidatableResponse done(Fixtures.TestUser who, long launch, String key) {
        return Api.as(who.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("status", "done", "evidenceLink", "https://evidence.example/" + key)).when()
                .patch("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails();
    }

    private static ValidatableResponse signOff(Fixtures.TestUser who, long launch, String key) {
        return Api.as(who.writeToken()).contentType(ContentType.JSON).body(Map.of("signOff", true)).when()
                .patch("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails();
    }

    private static ValidatableResponse decide(Fixtures.TestUser who, long launch) {
        return Api.as(who.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("decision", "go", "rationale", "every area signed")).when()
                .post("/api/v1/launches/" + launch + "/decision").then().log().ifValidationFails();
    }

    private static ValidatableResponse gate(long launch) {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/gate").then();
    }
}
