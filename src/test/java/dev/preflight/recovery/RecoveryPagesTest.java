package dev.preflight.recovery;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/** The recovery page: targets and their findings, the targets form, the drill log, chart and form. */
@QuarkusTest
class RecoveryPagesTest {

    private String service;
    private Browser engineer;

    @BeforeEach
    void service() {
        String team = Fixtures.team();
        service = Fixtures.service(team, 2);
        engineer = Fixtures.user("engineer", team).browser();
    }

    @Test
    void targets_are_set_through_the_form_and_their_findings_shown() {
        Document empty = engineer.get(page(), SC_OK);
        assertThat(Html.text(empty, "#targets-title + p")).contains("tier 2", "RTO 4 h", "RPO 1 h");
        assertThat(Html.text(empty, "section[aria-labelledby=targets-title]")).contains("No successful restore test",
                "Overdue");

        Map<String, String> form = new HashMap<>();
        form.put("version", "0");
        form.put("dataStore.0", "");
        form.put("rto.0", "4 h");
        form.put("rpo.0", "1 h");
        form.put("backupEvery.0", "24 h");
        form.put("retentionDays.0", "30");
        form.put("separateLocation.0", "on");
        form.put("dataStore.1", "");
        form.put("rto.1", "");
        form.put("rpo.1", "");
        engineer.post(page() + "/targets", form).then().statusCode(SC_SEE_OTHER);

        Document saved = engineer.get(page(), SC_OK);
        assertThat(Html.text(saved, "section[aria-labelledby=targets-title] tbody")).contains("the whole service",
                "4 h", "every 1 d", "RPO 1 h but backups are taken every 1 d without point-in-time recovery");
        assertThat(saved.select("input[name=version]").attr("value")).isEqualTo("1");

        Response stale = engineer.post(page() + "/targets", form);
        stale.then().statusCode(SC_PRECONDITION_FAILED);
        assertThat(Jsoup.parse(stale.asString()).select("input[name=version]").attr("value")).isEqualTo("1");

        form.put("version", "1");
        form.put("rto.0", "whenever");
        form.put("retentionDays.0", "a month");
        Response refused = engineer.post(page() + "/targets", form);
        refused.then().statusCode(SC_BAD_REQUEST);
        Document again = Jsoup.parse(refused.asString());
        assertThat(again.select("#rto\\.0").attr("value")).isEqualTo("whenever");
        assertThat(Html.text(again, "fieldset")).contains("must be a duration", "whole number of days");

        Document planned = engineer.get("/services/" + this.service, SC_OK);
        assertThat(Html.text(planned, "section[aria-labelledby=recovery]")).contains("1 recovery targets, some cannot be met")
                .as("a planned service has no restore test to be late with").doesNotContain("Restore test overdue");
        Map<String, Object> record = new HashMap<>(Api.admin().when().get("/api/v1/services/" + this.service).then()
                .statusCode(SC_OK).extract().jsonPath().getMap(""));
        record.put("lifecycle", "production");
        Api.admin().contentType(ContentType.JSON).body(record).when().put("/api/v1/services/" + this.service).then()
                .statusCode(SC_OK);
        Document service = engineer.get("/services/" + this.service, SC_OK);
        assertThat(Html.text(service, "section[aria-labelledby=recovery]")).contains("Restore test overdue");
    }

    @Test
    void drills_are_recorded_through_the_form_judged_and_charted() {
        Response refused = engineer.post(page() + "/drills", Map.of("kind", "restore_test", "performedOn", "yesterday",
                "outcome", "success"));
        refused.then().statusCode(SC_BAD_REQUEST);
        assertThat(Jsoup.parse(refused.asString()).select("#performedOn-error").text()).contains("YYYY-MM-DD");

        engineer.post(page() + "/drills", Map.of("kind", "restore_test", "performedOn",
                LocalDate.now().minusDays(3).toString(), "recoveryTime", "2 h", "dataLoss", "10 min",
                "outcome", "success", "notes", "<script>alert(1)</script>")).then().statusCode(SC_SEE_OTHER);
        engineer.post(page() + "/drills", Map.of("kind", "failover", "performedOn", LocalDate.now().toString(),
                "recoveryTime", "6 h", "outcome", "success")).then().statusCode(SC_SEE_OTHER);

        Document page = engineer.get(page(), SC_OK);
        assertThat(page.select("section[aria-labelledby=drills] tbody tr")).hasSize(2);
        assertThat(Html.text(page, "section[aria-labelledby=drills] tbody tr:first-child")).contains("Failover",
                "6 h", "RTO 4 h", "failed", "RTO missed");
        assertThat(page.select("section[aria-labelledby=drills] tbody").html()).contains("&lt;script&gt;");
        assertThat(page.select("svg.chart title").text()).isEqualTo("Measured recovery times, oldest first");
        assertThat(page.select("svg.chart desc").text()).contains("2 h (passed)", "6 h (failed)");
        assertThat(page.select("svg.chart circle")).hasSize(2);
        assertThat(Html.text(page, "section[aria-labelledby=targets-title]"))
                .contains("Last successful restore test: " + LocalDate.now().minusDays(3));
    }

    @Test
    void viewers_see_no_forms() {
        Document page = Fixtures.user("viewer").browser().get(page(), SC_OK);
        assertThat(page.select("form[action$=/targets]")).isEmpty();
        assertThat(page.select("form[action$=/drills]")).isEmpty();
    }

    private String page() {
        return "/services/" + service + "/recovery";
    }
}
