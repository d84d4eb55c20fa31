package dev.preflight.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.preflight.Api;
import dev.preflight.Fixtures;
import dev.preflight.webhook.Receiver;

/**
 * What time alone does to launches is recorded by the system, once: stale recurring items, ended
 * and ending waivers, launches past their target date; subscribers hear of the last two.
 */
@QuarkusTest
class LaunchRemindersTest {

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Receiver receiver;

    @Inject
    LaunchReminders reminders;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void each_fact_is_recorded_once_by_the_system_and_subscribers_hear_of_overdue_launches_and_ending_waivers()
            throws Exception {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 1);
        String template = Fixtures.template(true);
        long late = Fixtures.launch(service, template);
        long waivers = Fixtures.launch(service, template);
        String path = "/" + Fixtures.unique("reminders");
        Api.admin().contentType(ContentType.JSON).body(Map.of("service", service, "url", receiver.url(path),
                "events", List.of("launch_overdue", "waiver_expiring"))).when().post("/api/v1/webhooks").then()
                .statusCode(201);

        patch(late, BACKUPS, Map.of("status", "done", "evidenceLink", "https://ci.example/backup/1"));
        sql("UPDATE launch_item SET done_at = now() - interval '40 days' WHERE launch_id = ? AND key = '" + BACKUPS
                + "'", late);
        sql("UPDATE launch SET target_date = current_date - 2 WHERE id = ?", late);
        patch(waivers, BACKUPS, waiver(LocalDate.now().plusDays(3)));
        patch(waivers, RUNBOOK, waiver(LocalDate.now().plusDays(60)));
        sql("UPDATE launch_item SET waiver_expires = current_date - 1 WHERE launch_id = ? AND key = '" + RUNBOOK + "'",
                waivers);

        LaunchReminders.Counts first = reminders.check(Instant.now());
        assertThat(first.stale()).isGreaterThanOrEqualTo(1);
        assertThat(first.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(first.waiversEnded()).isGreaterThanOrEqualTo(1);
        assertThat(first.waiversEnding()).isGreaterThanOrEqualTo(1);
        assertThat(reminders.check(Instant.now())).as("nothing is recorded twice")
                .isEqualTo(new LaunchReminders.Counts(0, 0, 0, 0, 0));

        JsonPath lateHistory = history(late);
        assertThat(lateHistory.getList("findAll { it.action == 'overdue' }.actor")).containsExactly("system");
        assertThat(lateHistory.getList("findAll { it.action == 'went_stale' }.item")).containsExactly(BACKUPS);
        assertThat(lateHistory.getList("findAll { it.action == 'went_stale' }.actor")).containsExactly("system");
        JsonPath waiverHistory = history(waivers);
        assertThat(waiverHistory.getList("findAll { it.action == 'waiver_expiring' }.item")).containsExactly(BACKUPS);
        assertThat(waiverHistory.getList("findAll { it.action == 'waiver_expired' }.item")).containsExactly(RUNBOOK);
        assertThat(waiverHistory.getList("findAll { it.action == 'overdue' }")).isEmpty();
        Api.admin().when().get("/api/v1/launches/" + late + "/items/" + BACKUPS).then().statusCode(200)
                .body("condition", equalTo("stale"));

        Map<String, JsonNode> heard = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Receiver.Request request = receiver.next(path);
            assertThat(request).as("delivery " + (i + 1)).isNotNull();
            heard.put(request.headers().get("preflight-event"), JSON.readTree(request.body()).path("data"));
        }
        assertThat(heard).containsOnlyKeys("launch_overdue", "waiver_expiring");
        assertThat(heard.get("launch_overdue").path("launch").path("id").asLong()).isEqualTo(late);
        assertThat(heard.get("launch_overdue").path("summary").asText()).contains("passed its target date");
        assertThat(heard.get("waiver_expiring").path("item").path("key").asText()).isEqualTo(BACKUPS);
        assertThat(heard.get("waiver_expiring").path("item").path("riskOwner").asText()).isEqualTo("CTO");
        assertThat(receiver.waiting(path)).as("each fact is announced once").isZero();
    }

    @Test
    void an_after_launch_item_past_its_due_time_and_an_ongoing_duty_gone_stale_are_announced_once() throws Exception {
        String service = Fixtures.service(Fixtures.team(), 2);
        long launch = Fixtures.launch(service, "launch-readiness");
        String path = "/" + Fixtures.unique("due");
        Api.admin().contentType(ContentType.JSON).body(Map.of("service", service, "url", receiver.url(path),
                "events", List.of("item_due"))).when().post("/api/v1/webhooks").then().statusCode(201);
        sql("UPDATE launch SET state = 'LAUNCHED', decision = 'GO', decided_by = 'admin', decided_at = now(), "
                + "launched_at = now() - interval '2 days' WHERE id = ?", launch);
        sql("UPDATE launch_item SET due_at = now() - interval '1 day' WHERE launch_id = ? "
                + "AND key = 'first-24-hours.watch-error-rates'", launch);
        patch(launch, "ongoing.error-trends", Map.of("status", "done", "evidenceNote", "week one reviewed"));
        sql("UPDATE launch_item SET done_at = now() - interval '8 days' WHERE launch_id = ? AND key = 'ongoing.error-trends'",
                launch);

        LaunchReminders.Counts first = reminders.check(Instant.now());
        assertThat(first.due()).isGreaterThanOrEqualTo(1);
        assertThat(reminders.check(Instant.now()).due()).as("nothing is recorded twice").isZero();
        JsonPath history = history(launch);
        assertThat(history.getList("findAll { it.action == 'fell_due' }.item"))
                .containsExactly("first-24-hours.watch-error-rates");
        assertThat(history.getList("findAll { it.action == 'went_stale' }.item")).containsExactly("ongoing.error-trends");

        Map<String, String> heard = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Receiver.Request request = receiver.next(path);
            assertThat(request).as("delivery " + (i + 1)).isNotNull();
            JsonNode data = JSON.readTree(request.body()).path("data");
            heard.put(data.path("item").path("key").asText(), data.path("summary").asText());
        }
        assertThat(heard.get("first-24-hours.watch-error-rates")).contains("was due by");
        assertThat(heard.get("ongoing.error-trends")).contains("is due again");
        assertThat(receiver.waiting(path)).isZero();
    }

    private static Map<String, Object> waiver(LocalDate expires) {
        return Map.of("status", "waived", "waiver", Map.of("reason", "vendor fix", "riskOwner", "CTO",
                "compensatingControl", "manual export", "expiresOn", expires.toString()));
    }

    private static void patch(long launch, String key, Map<String, Object> change) {
        Api.admin().contentType(ContentType.JSON).body(change).when().patch("/api/v1/launches/" + launch + "/items/" + key)
                .then().log().ifValidationFails().statusCode(200);
    }

    private static JsonPath history(long launch) {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/history").then().statusCode(200).extract()
                .jsonPath();
    }

    private void sql(String update, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(update)) {
            s.setLong(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
