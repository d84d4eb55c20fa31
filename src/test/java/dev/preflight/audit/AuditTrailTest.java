package dev.preflight.audit;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;
import dev.preflight.TestApplication;

/**
 * The audit log is searchable and exportable by admins, and tamper-evident: an event changed or
 * removed directly in the database is named by the chain check.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_event_changed_or_deleted_in_the_database_is_named_by_the_check() throws Exception {
        String team = Fixtures.team();
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Renamed " + team)).when()
                .put("/api/v1/teams/" + team).then().statusCode(200);
        Fixtures.service(team, 2);
        Api.admin().when().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("firstBroken", nullValue()).body("notYetChained", equalTo(0));
        JsonPath events = Api.admin().queryParam("targetId", team).queryParam("targetType", "team").when()
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        long changed = events.getLong("items[-1].seq");
        long checked = Api.admin().when().get("/api/v1/audit/verify").then().extract().jsonPath().getLong("checked");
        System.out.printf("Audit chain: %d events checked, intact%n", checked);

        sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = " + changed);
        Api.admin().when().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(false))
                .body("firstBroken.seq", equalTo((int) changed))
                .body("firstBroken.reason", containsString("changed after it was recorded"));
        Document page = Browser.admin().get("/admin/audit/verify", 200);
        assertThat(Html.text(page, "[role=alert]")).contains("broken at event " + changed);

        sql("UPDATE audit_event SET actor = 'admin' WHERE seq = " + changed);
        sql("UPDATE audit_event SET hash = md5(hash) || md5(hash) WHERE seq = " + changed);
        Api.admin().when().get("/api/v1/audit/verify").then().body("firstBroken.seq", equalTo((int) changed));
        sql("UPDATE audit_event SET hash = audit_event_hash((SELECT hash FROM audit_event WHERE seq = " + (changed - 1)
                + "), audit_event) WHERE seq = " + changed);
        Api.admin().when().get("/api/v1/audit/verify").then().body("intact", equalTo(true));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE audit_removed_copy AS SELECT * FROM audit_event WHERE seq = "
                    + (changed + 1));
            sql("DELETE FROM audit_event WHERE seq = " + (changed + 1));
            try {
                Api.admin().when().get("/api/v1/audit/verify").then().body("intact", equalTo(false))
                        .body("firstBroken.seq", equalTo((int) changed + 2))
                        .body("firstBroken.reason", equalTo("events " + (changed + 1) + " to " + (changed + 1)
                                + " are missing"));
            } finally {
                s.execute("INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM audit_removed_copy");
                s.execute("DROP TABLE audit_removed_copy");
            }
        }
        Api.admin().when().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
        assertThat(Html.text(Browser.admin().get("/admin/audit/verify", 200), "[role=status]")).contains("intact");
    }

    @Test
    void admins_filter_by_actor_action_target_and_day_and_export_what_they_see() throws Exception {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 2);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.admin().when().get("/api/v1/audit/verify").then().statusCode(200).body("notYetChained", equalTo(0));

        Api.admin().queryParam("action", "service.*").queryParam("targetId", service).queryParam("actor", "admin")
                .queryParam("from", today).queryParam("to", today).when().get("/api/v1/audit").then()
                .statusCode(200).body("total", equalTo(1)).body("items.action", contains("service.create"))
                .body("items[0].hash", matchesPattern("[0-9a-f]{64}"))
                .body("items[0].after", containsString(service));
        Api.admin().queryParam("action", "service%").queryParam("targetId", service).when().get("/api/v1/audit")
                .then().body("total", equalTo(0));
        Api.admin().queryParam("targetId", service).queryParam("to", LocalDate.now().minusYears(1).toString()).when()
                .get("/api/v1/audit").then().body("total", equalTo(0));
        problem(Api.admin().queryParam("from", "yesterday").queryParam("to", "2020-01-01").when().get("/api/v1/audit")
                .then(), 400, "invalid-input").body("errors.field", contains("from"));
        problem(Api.admin().queryParam("size", 1000).when().get("/api/v1/audit").then(), 400, "invalid-input")
                .body("errors.field", contains("size"));
        problem(Api.admin().queryParam("from", "2021-01-02").queryParam("to", "2021-01-01").when().get("/api/v1/audit")
                .then(), 400, "invalid-input").body("errors.field", contains("to"));

        Browser admin = Browser.admin();
        Document page = admin.get("/admin/audit?targetId=" + service, 200);
        assertThat(Html.text(page, "table")).contains("service.create").contains(service);
        assertThat(page.select("a[href^=/admin/audit/export.csv?targetId=" + service + "]")).hasSize(1);
        Document refused = admin.get("/admin/audit?from=soon", 200);
        assertThat(Html.text(refused, "#f-from-error")).contains("YYYY-MM-DD");

        String csv = admin.request().when().get("/admin/audit/export.csv?targetId=" + service).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("seq,id,at,actor,via,action,target_type,target_id");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",service.create,service," + service + ",");
        String json = admin.request().when().get("/admin/audit/export.json?targetId=" + service).then().statusCode(200)
                .extract().asString();
        JsonNode exported = new ObjectMapper().readTree(json);
        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).path("action").asText()).isEqualTo("service.create");

        Fixtures.TestUser approver = Fixtures.user("approver", team);
        problem(Api.as(approver.readToken()).when().get("/api/v1/audit").then(), 403, "forbidden");
        approver.browser().get("/admin/audit", 403);
        approver.browser().request().when().get("/admin/audit/export.csv").then().statusCode(403);
        Api.admin().when().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
        Api.admin().when().get("/api/v1/audit").then().body("items.seq", everyItem(greaterThan(0)));
    }

    /**
     * A change made directly in the database by someone who can switch the append-only guard off:
     * the schema's owner, not the application.
     */
    private void sql(String statement) throws SQLException {
        try (Connection c = TestApplication.asOwner(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            try {
                s.execute(statement);
            } finally {
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            }
        }
    }
}
