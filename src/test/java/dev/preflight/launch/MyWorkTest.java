package dev.preflight.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/** "My work": what is assigned to the signed-in person, what waits for their sign-off, and their teams' launches due soon. */
@QuarkusTest
class MyWorkTest {

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";

    @Test
    void assigned_items_overdue_first_sign_offs_of_their_teams_and_launches_due_soon() {
        String team = Fixtures.team();
        String otherTeam = Fixtures.team();
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        Fixtures.TestUser approver = Fixtures.user("approver", team);
        String template = Fixtures.template(true);
        long later = Fixtures.launch(Fixtures.service(team, 1), template);
        long soon = launch(Fixtures.service(team, 1), template, LocalDate.now().plusDays(5));
        long elsewhere = launch(Fixtures.service(otherTeam, 1), template, LocalDate.now().plusDays(3));

        Fixtures.TestUser otherEngineer = Fixtures.user("engineer", otherTeam);
        patch(later, BACKUPS, Map.of("assignee", engineer.username(), "dueDate", LocalDate.now().minusDays(2).toString()));
        patch(soon, BACKUPS, Map.of("assignee", engineer.username()));
        patch(soon, RUNBOOK, Map.of("assignee", engineer.username()));
        done(engineer, soon, RUNBOOK);
        done(otherEngineer, elsewhere, RUNBOOK);

        Api.as(engineer.readToken()).when().get("/api/v1/me/work").then().log().ifValidationFails().statusCode(200)
                .body("assigned.launch", contains((int) later, (int) soon, (int) soon))
                .body("assigned.key", contains(BACKUPS, BACKUPS, RUNBOOK))
                .body("assigned.condition", contains("open", "open", "awaiting_sign_off"))
                .body("assigned[0].overdue", equalTo(true)).body("assigned[1].overdue", equalTo(false))
                .body("approver", equalTo(false)).body("toSignOff", hasSize(0))
                .body("dueSoon.id", contains((int) soon));

        Api.as(approver.readToken()).when().get("/api/v1/me/work").then().statusCode(200)
                .body("assigned", hasSize(0)).body("approver", equalTo(false));
        Api.as(approver.writeToken()).when().get("/api/v1/me/work").then().statusCode(200)
                .body("approver", equalTo(true))
                .body("toSignOff.launch", contains((int) soon)).body("toSignOff.key", contains(RUNBOOK));

        Api.as(approver.writeToken()).contentType(ContentType.JSON).body(Map.of("signOff", true))
                .when().patch("/api/v1/launches/" + soon + "/items/" + RUNBOOK).then().statusCode(200);
        Api.as(approver.writeToken()).when().get("/api/v1/me/work").then().body("toSignOff", hasSize(0));
        Api.as(engineer.readToken()).when().get("/api/v1/me/work").then()
                .body("assigned.key", contains(BACKUPS, BACKUPS)).body("assigned.launch", contains((int) later, (int) soon));

        Document page = engineer.browser().get("/work", 200);
        assertThat(Html.text(page, "[aria-labelledby=assigned-heading]")).contains("Backups run nightly");
        assertThat(page.select("[aria-labelledby=assigned-heading] .overdue")).hasSize(1);
        assertThat(page.select("[aria-labelledby=due-heading] a[href=/launches/" + soon + "]")).hasSize(1);
        assertThat(page.select("a[href=/launches/" + elsewhere + "]")).isEmpty();
    }

    @Test
    void someone_with_nothing_to_do_is_told_so() {
        Fixtures.TestUser viewer = Fixtures.user("viewer", Fixtures.team());
        Api.as(viewer.readToken()).when().get("/api/v1/me/work").then().statusCode(200)
                .body("assigned", hasSize(0)).body("toSignOff", hasSize(0)).body("dueSoon", hasSize(0));
        Document page = viewer.browser().get("/work", 200);
        assertThat(page.select(".empty")).hasSize(2);
        Api.anonymous().when().get("/api/v1/me/work").then().statusCode(401);
    }

    private static long launch(String service, String template, LocalDate target) {
        return ((Number) Api.admin().contentType(ContentType.JSON)
                .body(Map.of("service", service, "template", template, "name", "Launch " + Fixtures.unique("l"),
                        "environment", "production", "targetDate", target.toString()))
                .when().post("/api/v1/launches").then().statusCode(201).extract().path("id")).longValue();
    }

    /** Done by an engineer, so an approver still has to sign it off. */
    private static void done(Fixtures.TestUser engineer, long launch, String key) {
        Api.as(engineer.writeToken()).contentType(ContentType.JSON).body(Map.of("status", "done", "evidenceNote", "wiki"))
                .when().patch("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails()
                .statusCode(200).body("condition", equalTo("awaiting_sign_off"));
    }

    private static void patch(long launch, String key, Map<String, Object> change) {
        Api.admin().contentType(ContentType.JSON).body(change).when().patch("/api/v1/launches/" + launch + "/items/" + key)
                .then().log().ifValidationFails().statusCode(200);
    }
}
