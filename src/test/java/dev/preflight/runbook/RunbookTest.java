package dev.preflight.runbook;

import static dev.preflight.ProblemAssertions.problem;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/** Runbooks: skeleton, completeness, revisions and their conflicts, diffs, "last exercised", and their pages. */
@QuarkusTest
class RunbookTest {

    private String service;
    private Fixtures.TestUser engineer;

    @BeforeEach
    void service() {
        String team = Fixtures.team();
        service = Fixtures.service(team, 2);
        engineer = Fixtures.user("engineer", team);
    }

    @Test
    void a_service_starts_from_the_skeleton_which_lists_every_required_section_as_missing() {
        get().header("ETag", "\"0\"")
                .body("saved", equalTo(false))
                .body("revision", equalTo(0))
                .body("content", containsString("## Service overview"))
                .body("content", containsString("### Resolution"))
                .body("content", containsString("## Escalation"))
                .body("missingSections", contains("Service overview › Purpose", "Service overview › Dependencies",
                        "Service overview › Owner", "Access › URLs", "Access › Logs", "Access › Metrics",
                        "Common issues › Symptoms", "Common issues › Diagnosis", "Common issues › Resolution",
                        "Maintenance procedures"))
                .body("complete", equalTo(false));
    }

    @Test
    void a_runbook_in_the_launch_checklists_own_template_is_complete_and_a_missing_part_is_named() {
        String documentTemplate = """
                # Runbook: Payments

                ## Service Overview
                - Purpose: Takes card payments for the shop
                - Dependencies: PostgreSQL, the card processor
                - Owner: Team Payments, #payments

                ## Access
                - Production URL: https://pay.example.com
                - Admin panel: https://pay.example.com/admin
                - Logs: Loki, app=payments
                - Metrics: https://grafana.example.com/d/payments

                ## Common Issues
                ### Issue: High Error Rate
                Symptoms: Error rate > 5%, alerts firing
                Diagnosis:
                1. Check error tracking for new errors
                2. Check recent deployments
                Resolution:
                - If new deployment: Rollback
                - If unknown: Page on-call

                ## Maintenance Procedures
                - Database maintenance: vacuum weekly
                - Certificate renewal: automatic
                """;
        long launch = Fixtures.launch(service, "launch-readiness");
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/runbook.service-runbook").then()
                .body("condition", equalTo("open"));
        save(null, documentTemplate, "the document's template").statusCode(200)
                .body("missingSections", empty()).body("complete", equalTo(true));
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/runbook.service-runbook").then()
                .body("condition", equalTo("done"));
        save("\"1\"", documentTemplate.replace("- Owner: Team Payments, #payments\n", "")
                .replace("Diagnosis:\n1. Check error tracking for new errors\n2. Check recent deployments\n", ""),
                "no owner, no diagnosis").statusCode(200)
                .body("missingSections", contains("Service overview › Owner", "Common issues › Diagnosis"));
        Document page = engineer.browser().get(pagePath(), SC_OK);
        assertThat(Html.text(page, "section[aria-labelledby=completeness]"))
                .contains("Service overview › Owner: add a '### Owner' heading or a line starting 'Owner:', under '## Service overview'");
    }

    @Test
    void saves_make_revisions_and_a_stale_save_is_refused() {
        String skeleton = get().extract().path("content");
        String filled = skeleton.replace("_What the service does, and for whom._", "Takes card payments for the shop.")
                .replace("_How to roll a release back, and how to tell it worked._", "Redeploy the previous tag.");
        save("\"0\"", filled, "first draft").statusCode(200).header("ETag", "\"1\"")
                .body("revision", equalTo(1))
                .body("missingSections", hasSize(9))
                .body("missingSections", org.hamcrest.Matchers.not(hasItem("Service overview › Purpose")))
                .body("updatedBy", equalTo(engineer.username()));
        problem(save("\"0\"", filled + "\nMore.", "late"), 412, "stale-version");
        save("\"1\"", complete(), "every section").statusCode(200).header("ETag", "\"2\"")
                .body("revision", equalTo(2)).body("missingSections", empty()).body("complete", equalTo(true));
        save("\"2\"", complete(), "same text").statusCode(200).body("revision", equalTo(2));

        Api.as(engineer.readToken()).when().get(path() + "/revisions").then().statusCode(200)
                .body("number", contains(2, 1)).body("note", contains("every section", "first draft"));
        Api.as(engineer.readToken()).when().get(path() + "/revisions/1").then().statusCode(200)
                .body("content", equalTo(filled));
        problem(Api.admin().when().get(path() + "/revisions/9").then(), 404, "not-found");
    }

    @Test
    void invalid_saves_and_other_teams_are_refused() {
        problem(Api.as(engineer.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("note", "no content", "lastExercised", LocalDate.now().plusDays(2).toString()))
                .when().put(path()).then(), 400, "invalid-input")
                .body("errors.field", contains("content", "lastExercised"));
        Fixtures.TestUser outsider = Fixtures.user("engineer", Fixtures.team());
        problem(Api.as(outsider.writeToken()).contentType(ContentType.JSON).body(Map.of("content", "# Mine"))
                .when().put(path()).then(), 403, "forbidden");
        get().body("saved", equalTo(false));
    }

    @Test
    void a_drill_moves_last_exercised_forward_and_so_can_a_person() {
        save(null, complete(), "complete").statusCode(200).body("lastExercised", nullValue());
        Api.as(engineer.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("kind", "failover", "performedOn", LocalDate.now().minusDays(5).toString(),
                        "outcome", "success"))
                .when().post("/api/v1/services/" + service + "/drills").then().statusCode(201);
        get().body("lastExercised", equalTo(LocalDate.now().minusDays(5).toString()));
        Api.as(engineer.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("content", complete(), "lastExercised", LocalDate.now().minusDays(1).toString()))
                .when().put(path()).then().statusCode(200)
                .body("lastExercised", equalTo(LocalDate.now().minusDays(1).toString())).body("revision", equalTo(1));
    }

    @Test
    void the_page_shows_completeness_edits_with_conflicts_compares_revisions_and_prints() {
        Browser browser = engineer.browser();
        Document page = browser.get(pagePath(), SC_OK);
        assertThat(Html.text(page, "section[aria-labelledby=completeness]")).contains("10 required parts");
        browser.post(pagePath(), Map.of("content", "# Runbook\n\n## Rollback\n\nRedeploy v1.", "note", "start",
                "lastExercised", "", "version", "0")).then().statusCode(SC_SEE_OTHER);
        browser.post(pagePath(), Map.of("content", "# Runbook\n\n## Rollback\n\nRedeploy v2.", "note", "v2",
                "lastExercised", "", "version", "1")).then().statusCode(SC_SEE_OTHER);

        Response stale = browser.post(pagePath(), Map.of("content", "# Runbook\n\n## Rollback\n\nMine.", "note", "x",
                "lastExercised", "", "version", "1"));
        stale.then().statusCode(SC_PRECONDITION_FAILED);
        Document again = Jsoup.parse(stale.asString());
        assertThat(Html.text(again, "[role=alert]")).contains("Someone saved this runbook");
        assertThat(again.select("#content").text()).contains("Mine.");
        assertThat(again.select("input[name=version]").attr("value")).isEqualTo("2");

        Document saved = browser.get(pagePath(), SC_OK);
        assertThat(Html.text(saved, ".runbook .guidance")).contains("Redeploy v2.");
        assertThat(saved.select("ol.timeline li")).hasSize(2);
        Document diff = browser.get(saved.select("ol.timeline a").attr("href"), SC_OK);
        assertThat(diff.select("pre.diff .diff-removed").text()).contains("Redeploy v1.");
        assertThat(diff.select("pre.diff .diff-added").text()).contains("Redeploy v2.");
        Document print = browser.get(pagePath() + "/print", SC_OK);
        assertThat(print.select("form[action$=/runbook]")).isEmpty();
        assertThat(Html.text(print, ".runbook-print")).contains("Redeploy v2.", "required parts are missing");

        Document servicePage = browser.get("/services/" + service, SC_OK);
        assertThat(Html.text(servicePage, "section[aria-labelledby=runbook]")).contains("4 required parts missing");
    }

    private String complete() {
        String skeleton = get().extract().path("content");
        return skeleton.replaceAll("_[^_\\n]+\\._", "Written down.");
    }

    private ValidatableResponse get() {
        return Api.as(engineer.readToken()).when().get(path()).then().log().ifValidationFails().statusCode(200);
    }

    private ValidatableResponse save(String ifMatch, String content, String note) {
        var request = Api.as(engineer.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("content", content, "note", note));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put(path()).then().log().ifValidationFails();
    }

    private String path() {
        return "/api/v1/services/" + service + "/runbook";
    }

    private String pagePath() {
        return "/services/" + service + "/runbook";
    }
}
