package dev.preflight.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/** The template lint: each rule found once in a template made to break it, as warnings on import, in the API and on the page. */
@QuarkusTest
class TemplateLintTest {

    @Test
    void a_crafted_template_breaks_each_rule_once_and_imports_all_the_same() {
        String slug = Fixtures.unique("lint");
        String yaml = """
                format: preflight-template/1
                slug: %s
                name: Lint me
                sections:
                  - key: basics
                    title: Basics
                    items:
                      - key: basics.hosting
                        title: Hosting provisioned
                        severity: blocker
                      - key: basics.alerts-major
                        title: Alerts configured
                        severity: major
                        evidence: link
                      - key: basics.alerts-minor
                        title: Alerts configured
                        severity: minor
                      - key: basics.restore
                        title: Backups of the database are restored in a test
                        evidence: link
                      - key: basics.restore-again
                        title: Backups of the database restored in tests
                        evidence: link
                      - key: basics.watch
                        title: Error rates watched in the first 24 hours
                        evidence: note
                      - key: basics.rotate
                        title: Secrets rotated regularly
                        evidence: note
                      - key: basics.runbook
                        title: Runbook written
                        satisfiedBy: runbook
                        guidance: Cover the service overview, access, common issues, maintenance procedures and escalation.
                      - key: basics.first-day
                        title: Error rates watched in the first 24 hours after launch
                        phase: after_launch
                        window: PT24H
                        evidence: note
                facts:
                  lintExceptions:
                    - rule: no_cadence
                      item: basics.nothing
                      why: an exception for an item the template does not have accepts nothing
                """.formatted(slug);
        JsonPath imported = Api.admin().contentType("application/yaml").body(yaml).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(201).extract().jsonPath();
        List<String> rules = imported.getList("findings.rule");
        assertThat(rules).containsExactlyInAnyOrder("blocker_without_evidence", "severity_differs", "duplicate",
                "after_launch_wording", "no_cadence", "runbook_guidance");
        assertThat(imported.getList("findings.item")).containsExactly("basics.hosting", "basics.alerts-minor",
                "basics.restore-again", "basics.watch", "basics.rotate", "basics.runbook");
        assertThat(imported.getString("findings.find { it.rule == 'runbook_guidance' }.message"))
                .contains("Purpose").contains("Escalation");

        Api.admin().when().get("/api/v1/templates/" + slug + "/versions/1/lint").then().statusCode(200)
                .body("open", equalTo(6)).body("findings.size()", equalTo(6));

        Document page = Browser.admin().get("/templates/" + slug, 200);
        assertThat(Html.text(page, "section.lint")).contains("6 things a reviewer would flag", "Blocker without evidence",
                "basics.hosting");
    }

    @Test
    void a_finding_the_template_accepts_in_its_facts_is_reported_as_accepted() {
        String slug = Fixtures.unique("lint");
        String yaml = """
                format: preflight-template/1
                slug: %s
                name: Accepted
                sections:
                  - key: basics
                    title: Basics
                    items:
                      - key: basics.hosting
                        title: Hosting provisioned
                        severity: blocker
                facts:
                  lintExceptions:
                    - rule: blocker_without_evidence
                      item: basics.hosting
                      why: the hosting contract is the evidence and lives with finance
                """.formatted(slug);
        Api.admin().contentType("application/yaml").body(yaml).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(201)
                .body("findings[0].acceptedBecause", equalTo("the hosting contract is the evidence and lives with finance"));
        Api.admin().when().get("/api/v1/templates/" + slug + "/versions/1/lint").then().body("open", equalTo(0));
    }
}
