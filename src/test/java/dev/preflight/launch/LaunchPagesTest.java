package dev.preflight.launch;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/** The launch pages: what they show, their forms without JavaScript, their htmx fragments, and their refusals. */
@QuarkusTest
class LaunchPagesTest {

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";

    private String team;
    private String service;
    private String template;
    private Fixtures.TestUser engineer;
    private long launch;

    @BeforeEach
    void launch() {
        team = Fixtures.team();
        service = Fixtures.service(team, 2);
        template = Fixtures.template(true);
        engineer = Fixtures.user("engineer", team);
        launch = Fixtures.launch(service, template);
    }

    @Test
    void the_launch_page_shows_header_readiness_sections_and_items() {
        Document page = engineer.browser().get("/launches/" + launch, SC_OK);
        assertThat(page.title()).endsWith("· Preflight");
        assertThat(Html.text(page, "h1")).contains("preparing");
        assertThat(Html.text(page, ".page-head p")).contains("Service " + service, "production", "30 days left");
        assertThat(Html.text(page, "#launch-progress")).contains("0%", "(0 of 2)", "1 open blocker", "1 missing sign-off");
        assertThat(page.select("#launch-progress progress").attr("value")).isEqualTo("0");
        assertThat(page.select("li.launch-item")).hasSize(2);
        Element backups = page.getElementById("item-" + BACKUPS);
        assertThat(backups.attr("data-state")).isEqualTo("open");
        assertThat(backups.select(".badge").eachText()).containsExactly("blocker", "every 30 days");
        assertThat(backups.select("button.tick").attr("aria-checked")).isEqualTo("false");
        assertThat(backups.select("button.tick").attr("aria-label")).isEqualTo("Mark “Backups run nightly” done");
        assertThat(backups.select("input.evidence[type=url]").attr("name")).isEqualTo("link." + BACKUPS);
        assertThat(Html.text(page, "#section-index .section-list")).contains("0/");
        assertThat(engineer.browser().get("/launches/" + launch + "/items/" + BACKUPS + "/panel", SC_OK)
                .select(".guidance").text()).contains("Restore one to prove it.");
        assertThat(page.select("form[action$=/state] button").eachText()).containsExactly("Move to review");
        assertThat(page.select("a[href$=/state?to=cancelled]").text()).as("cancelling asks first").isEqualTo("Cancel launch…");
        assertThat(page.select("a[href$=/decision]")).as("an engineer is not offered the decision").isEmpty();
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Launches");

        Document blocked = engineer.browser().get("/launches/" + launch + "?filter=sign-off", SC_OK);
        assertThat(blocked.select("li.launch-item").eachAttr("id")).containsExactly("item-" + RUNBOOK);
        assertThat(blocked.select(".filters-bar a[aria-current]").text()).isEqualTo("Needs sign-off");
    }

    @Test
    void items_are_ticked_through_plain_form_posts() {
        Browser browser = engineer.browser();
        Response done = browser.post(itemPath(BACKUPS), Map.of("action", "done", "version", "0",
                "evidenceLink", "https://ci.example/restore/9"));
        done.then().statusCode(SC_SEE_OTHER);
        assertThat(done.header("Location")).endsWith("/launches/" + launch + "?notice=updated#item-" + BACKUPS);

        Response refused = browser.post(itemPath(RUNBOOK), Map.of("action", "blocked", "version", "0", "reason", " "));
        refused.then().statusCode(SC_BAD_REQUEST);
        Document again = Jsoup.parse(refused.asString());
        assertThat(Html.text(again, "[role=alert]")).as("the field named as the page names it").contains("Reason: is required");
        assertThat(again.select("#reason").attr("aria-invalid")).isEqualTo("true");

        browser.post(itemPath(RUNBOOK), Map.of("action", "blocked", "version", "0", "reason", "wiki is down",
                "from", "item")).then().statusCode(SC_SEE_OTHER);
        Document page = browser.get("/launches/" + launch, SC_OK);
        assertThat(page.getElementById("item-" + BACKUPS).select(".badge").first().text()).isEqualTo("done");
        assertThat(page.getElementById("item-" + RUNBOOK).text()).contains("blocked", "wiki is down");
        assertThat(Html.text(page, "#launch-progress")).contains("50%", "0 open blockers");

        Document item = browser.get(itemPath(BACKUPS), SC_OK);
        assertThat(Html.text(item, "ol.timeline")).contains("done", engineer.username(), "web",
                "https://ci.example/restore/9");
    }

    @Test
    void an_htmx_post_answers_with_the_item_and_the_progress_swapped_out_of_band() {
        Browser browser = engineer.browser();
        String fragment = browser.request().header("HX-Request", "true")
                .header("X-CSRF-Token", browser.csrf()).contentType(ContentType.URLENC)
                .formParams(Map.of("action", "not_applicable", "version", "0", "reason", "stateless"))
                .post(itemPath(BACKUPS)).then().statusCode(SC_OK).extract().asString();
        Document html = Jsoup.parseBodyFragment(fragment);
        assertThat(fragment).doesNotContain("<html");
        assertThat(html.select("li#item-" + BACKUPS.replace(".", "\\.")).text()).contains("not applicable", "stateless");
        assertThat(html.select("#launch-progress").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(html.select("#launch-progress").text()).contains("50%");
        assertThat(html.select("#section-basics-progress").text()).contains("1 of 2 required resolved (50%)");
    }

    @Test
    void a_stale_form_is_refused_showing_what_changed_and_keeping_what_was_typed() {
        Api.admin().contentType(ContentType.JSON).body(Map.of("status", "blocked", "reason", "disks", "comment", "ordered"))
                .when().patch("/api/v1/launches/" + launch + "/items/" + BACKUPS).then().statusCode(200);
        Browser browser = engineer.browser();
        Response stale = browser.post(itemPath(BACKUPS), Map.of("action", "done", "version", "0",
                "evidenceLink", "https://ci.example/typed"));
        stale.then().statusCode(SC_PRECONDITION_FAILED);
        Document page = Jsoup.parse(stale.asString());
        assertThat(Html.text(page, "[role=alert]")).contains("Someone changed this item");
        assertThat(page.select("input[name=evidenceLink]").attr("value")).isEqualTo("https://ci.example/typed");
        assertThat(page.select("input[name=version]").first().attr("value")).isEqualTo("1");
        assertThat(Html.text(page, "ol.timeline")).contains("blocked", "ordered");

        String fragment = browser.request().header("HX-Request", "true").header("X-CSRF-Token", browser.csrf())
                .contentType(ContentType.URLENC).formParams(Map.of("action", "reopen", "version", "0"))
                .post(itemPath(BACKUPS)).then().statusCode(SC_PRECONDITION_FAILED).extract().asString();
        assertThat(Jsoup.parseBodyFragment(fragment).select("[role=alert]").text())
                .contains("Changed meanwhile", "admin", "blocked", "ordered");
    }

    @Test
    void cancelling_asks_first_needs_a_reason_and_after_review_is_for_approvers() {
        Browser browser = engineer.browser();
        Document ask = browser.get("/launches/" + launch + "/state?to=cancelled", SC_OK);
        assertThat(Html.text(ask, "main")).contains("cannot be undone");
        assertThat(ask.select("textarea[name=comment][required]")).hasSize(1);
        Response refused = browser.post("/launches/" + launch + "/state", Map.of("to", "cancelled", "version", "0",
                "comment", "  "));
        refused.then().statusCode(SC_BAD_REQUEST);
        assertThat(Html.text(Jsoup.parse(refused.asString()), "#comment-error")).contains("say why the launch is cancelled");

        browser.post("/launches/" + launch + "/state", Map.of("to", "in_review", "version", "0"))
                .then().statusCode(SC_SEE_OTHER);
        assertThat(browser.get("/launches/" + launch, SC_OK).select("a[href$=/state?to=cancelled]"))
                .as("an engineer is not offered to cancel a launch in review").isEmpty();
        assertThat(Html.text(browser.get("/launches/" + launch + "/state?to=cancelled", SC_OK), ".notice-warn"))
                .contains("Only approvers and admins cancel");
        browser.post("/launches/" + launch + "/state", Map.of("to", "cancelled", "version", "1", "comment", "no"))
                .then().statusCode(SC_FORBIDDEN);

        Browser approver = Fixtures.user("approver").browser();
        approver.post("/launches/" + launch + "/state", Map.of("to", "cancelled", "version", "1",
                "comment", "folded into the platform migration")).then().statusCode(SC_SEE_OTHER);
        Document cancelled = approver.get("/launches/" + launch, SC_OK);
        assertThat(Html.text(cancelled, "h1")).contains("cancelled");
    }

    @Test
    void approvers_sign_off_and_decide_and_an_engineers_forged_post_is_refused() {
        Browser browser = engineer.browser();
        browser.post(itemPath(RUNBOOK), Map.of("action", "done", "version", "0", "evidenceNote", "wiki"))
                .then().statusCode(SC_SEE_OTHER);
        browser.post(itemPath(RUNBOOK), Map.of("action", "sign_off", "version", "1")).then().statusCode(SC_FORBIDDEN);
        browser.get("/launches/" + launch + "/decision", SC_FORBIDDEN);

        Browser approver = Fixtures.user("approver").browser();
        Document page = approver.get("/launches/" + launch, SC_OK);
        assertThat(page.getElementById("item-" + RUNBOOK).select("button[value=sign_off " + RUNBOOK + " 1]")).hasSize(1);
        approver.post(itemPath(RUNBOOK), Map.of("action", "sign_off", "version", "1")).then().statusCode(SC_SEE_OTHER);
        approver.post("/launches/" + launch + "/state", Map.of("to", "in_review", "version", "0"))
                .then().statusCode(SC_SEE_OTHER);

        Response refused = approver.post("/launches/" + launch + "/decision", Map.of("decision", "go",
                "rationale", "ship it", "version", "1"));
        refused.then().statusCode(SC_CONFLICT);
        Document decision = Jsoup.parse(refused.asString());
        assertThat(Html.text(decision, "[role=alert]")).contains("Go refused");
        assertThat(Html.text(decision, "#blockers-title")).contains("1 item refuses a go");
        assertThat(decision.select("textarea[name=rationale]").text()).isEqualTo("ship it");

        approver.post(itemPath(BACKUPS), Map.of("action", "waive", "version", "0", "waiverReason", "vendor fix",
                "riskOwner", "CTO", "compensatingControl", "manual export",
                "expiresOn", LocalDate.now().plusDays(10).toString())).then().statusCode(SC_SEE_OTHER);
        approver.post("/launches/" + launch + "/decision", Map.of("decision", "go", "rationale", "ship it",
                "conditions", "watch errors", "version", "1")).then().statusCode(SC_SEE_OTHER);
        Document decided = approver.get("/launches/" + launch, SC_OK);
        assertThat(Html.text(decided, "h1")).contains("go");
        assertThat(Html.text(decided, "section[aria-labelledby=decision-title]")).contains("ship it", "watch errors",
                "CTO", "manual export");
    }

    @Test
    void a_launch_is_opened_through_the_form_and_listed_on_its_service_page_with_a_badge() {
        Browser browser = engineer.browser();
        Document form = browser.get("/launches/new?service=" + service, SC_OK);
        assertThat(form.select("input[type=hidden][name=service]").attr("value")).isEqualTo(service);
        assertThat(Html.text(form, "form")).contains("Service " + service);

        Response refused = browser.post("/launches", Map.of("service", service, "template", template, "name", "",
                "environment", "production", "targetDate", "not a date"));
        refused.then().statusCode(SC_BAD_REQUEST);
        assertThat(Jsoup.parse(refused.asString()).select("#targetDate-error").text()).contains("YYYY-MM-DD");

        Response opened = browser.post("/launches", Map.of("service", service, "template", template,
                "name", "Checkout <b>GA</b>", "environment", "staging",
                "targetDate", LocalDate.now().plusDays(3).toString()));
        opened.then().statusCode(SC_SEE_OTHER);
        assertThat(opened.header("Location")).contains("?notice=created");

        Document servicePage = browser.get("/services/" + service, SC_OK);
        assertThat(servicePage.select("section[aria-labelledby=launches] tbody tr")).hasSize(2);
        assertThat(servicePage.select("section[aria-labelledby=launches] tbody").html())
                .contains("Checkout &lt;b&gt;GA&lt;/b&gt;").doesNotContain("<b>GA</b>");
        String badge = servicePage.select("section[aria-labelledby=launches] img").attr("src");
        assertThat(badge).startsWith("/badges/" + service + ".svg?key=");

        String svg = Api.anonymous().when().get(badge).then().statusCode(SC_OK).contentType("image/svg+xml")
                .extract().asString();
        assertThat(svg).contains("<svg", "0% · preparing");
        Api.anonymous().when().get("/badges/" + service + ".svg").then().statusCode(SC_NOT_FOUND);
        Api.anonymous().when().get("/badges/" + service + ".svg?key=" + "A".repeat(22)).then().statusCode(SC_NOT_FOUND);
        Api.anonymous().when().get(badge.replace(service, Fixtures.service(team, 1))).then().statusCode(SC_NOT_FOUND);
    }

    @Test
    void the_upgrade_page_previews_and_applies_a_newer_template_version() {
        Fixtures.publishNewVersion(template);
        Browser browser = engineer.browser();
        Document launchPage = browser.get("/launches/" + launch, SC_OK);
        assertThat(launchPage.select("a[href$=/upgrade]").text()).contains("version 2");
        Document preview = browser.get("/launches/" + launch + "/upgrade", SC_OK);
        assertThat(Html.text(preview, "#added-title")).isEqualTo("1 new item");
        assertThat(Html.text(preview, "#removed-title")).isEqualTo("1 item dropped");
        browser.post("/launches/" + launch + "/upgrade", Map.of("version", "0")).then().statusCode(SC_SEE_OTHER);
        assertThat(browser.get("/launches/" + launch, SC_OK).select("li.launch-item").eachAttr("id"))
                .containsExactly("item-" + BACKUPS, "item-basics.alerts");
    }

    @Test
    void the_go_live_report_lists_decision_waivers_sign_offs_and_open_items_as_a_page_and_as_markdown() {
        Fixtures.TestUser approver = Fixtures.user("approver");
        Api.as(approver.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("status", "done", "evidenceNote", "wiki", "comment", "ok"))
                .when().patch("/api/v1/launches/" + launch + "/items/" + RUNBOOK).then().statusCode(200);
        Api.as(approver.writeToken()).contentType(ContentType.JSON).body(Map.of("status", "waived", "waiver",
                Map.of("reason", "vendor fix", "riskOwner", "CTO | *Ops*", "compensatingControl", "manual export",
                        "expiresOn", LocalDate.now().plusDays(5).toString())))
                .when().patch("/api/v1/launches/" + launch + "/items/" + BACKUPS).then().statusCode(200);
        Api.as(approver.writeToken()).contentType(ContentType.JSON).body(Map.of("to", "in_review"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.as(approver.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("decision", "go", "rationale", "ready\n# not a heading", "conditions", "watch errors"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().statusCode(200);

        Response markdown = engineer.browser().request().get("/launches/" + launch + "/report.md");
        markdown.then().statusCode(SC_OK).contentType("text/markdown")
                .header("Content-Disposition", "attachment; filename=\"launch-" + launch + "-report.md\"");
        assertThat(markdown.asString())
                .contains("# Go-live report: Launch l-", "* State: go", "**go** by " + approver.username(),
                        "Rationale: ready \\# not a heading", "Conditions: watch errors",
                        "risk owner CTO \\| \\*Ops\\*", "Runbook written: " + approver.username(),
                        "100% of required items resolved (2 of 2)")
                .doesNotContain("\n# not a heading");
        Document page = engineer.browser().get("/launches/" + launch + "/report", SC_OK);
        assertThat(Html.text(page, "section[aria-labelledby=report-decision]")).contains("go", "watch errors");
        assertThat(Html.text(page, "section[aria-labelledby=report-waivers]")).contains("CTO | *Ops*", "manual export");
        assertThat(Html.text(page, "section[aria-labelledby=report-signoffs]")).contains("Runbook written");
        assertThat(page.select("a[href$=report.md]")).hasSize(1);
    }

    @Test
    void evidence_and_comments_render_as_text() {
        String payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        Api.admin().contentType(ContentType.JSON).body(Map.of("status", "done", "evidenceNote", payload,
                "comment", payload)).when().patch("/api/v1/launches/" + launch + "/items/" + RUNBOOK).then()
                .statusCode(200);
        String launchHtml = engineer.browser().request().get("/launches/" + launch).asString();
        String itemHtml = engineer.browser().request().get(itemPath(RUNBOOK)).asString();
        assertThat(launchHtml).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
        assertThat(itemHtml).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    private String itemPath(String key) {
        return "/launches/" + launch + "/items/" + key;
    }
}
