package dev.preflight.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.CheckedSite;
import dev.preflight.Fixtures;
import dev.preflight.TestApplication;

/**
 * The main journeys through Preflight in a real headless Chromium: what a person sees and does,
 * with and without JavaScript, each visited page checked for accessibility and photographed.
 */
@QuarkusTest
class BrowserJourneysTest {

    private static final String TLS = "infrastructure.tls-auto-renewal";
    private static final String CDN = "infrastructure.cdn";
    private static final String HOSTING = "infrastructure.hosting-provisioned";
    private static final String TEST_DATA = "data.test-data-removed";

    @TestHTTPResource("/")
    URL base;

    @Test
    void an_admin_signs_in_creates_a_team_and_a_service_and_finds_it_in_the_list() {
        String team = Fixtures.unique("jteam");
        String service = Fixtures.unique("jsvc");
        try (Journey visitor = Journey.anonymous(base)) {
            visitor.page.navigate("/launches");
            assertThat(visitor.page.locator("#username")).isVisible();
            visitor.check("sign-in");
        }
        try (Journey admin = Journey.signedIn(base, TestApplication.ADMIN, TestApplication.ADMIN_PASSWORD)) {
            Page page = admin.page;
            page.navigate("/teams");
            admin.check("teams");
            page.locator("#name").fill("Journey team " + team);
            page.locator("#slug").fill(team);
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Create a team")).click();
            assertThat(page.locator("h1")).containsText("Journey team " + team);
            admin.check("team");

            page.navigate("/services/new");
            page.locator("#name").fill("Journey service " + service);
            page.locator("#slug").fill(service);
            page.locator("#team").selectOption(team);
            page.locator("input[name=tier][value='2']").check();
            admin.check("service-form");
            page.locator("form button[type=submit]", new Page.LocatorOptions().setHasText("Register a service")).click();
            assertThat(page.locator("h1")).hasText("Journey service " + service);
            admin.check("service");

            page.getByText("Targets and drills").click();
            page.getByText("Change the targets").click();
            page.locator("[id='rto.0']").fill("4 h");
            page.locator("[id='rpo.0']").fill("15 min");
            page.locator("[id='backupEvery.0']").fill("24 h");
            page.locator("button", new Page.LocatorOptions().setHasText("Save targets")).click();
            assertThat(page.locator("section[aria-labelledby=targets-title] tbody"))
                    .containsText("RPO 15 min but backups are taken every 1 d");
            admin.check("recovery");

            page.navigate("/services/" + service + "/runbook");
            assertThat(page.locator("section[aria-labelledby=completeness]")).containsText("10 required parts");
            page.locator("#content").fill("# Runbook\n\n## Rollback\n\nRedeploy the previous tag.\n");
            page.locator("#note").fill("rollback first");
            page.locator("button", new Page.LocatorOptions().setHasText("Save runbook")).click();
            assertThat(page.locator(".notice-ok")).containsText("Runbook saved");
            assertThat(page.locator(".runbook")).containsText("Redeploy the previous tag.");
            admin.check("runbook");

            page.navigate("/services?q=" + service);
            assertThat(page.locator("#results tbody tr")).hasCount(1);
            assertThat(page.locator("#results tbody tr")).containsText("Journey team " + team);
            admin.check("services");

            page.navigate("/admin/backup");
            assertThat(page.locator("h1")).hasText("Backup");
            admin.check("backup");
        }
    }

    @Test
    void an_engineer_opens_a_launch_and_ticks_items_in_place_and_everything_persists() {
        OnLaunch on = engineerOnANewLaunch();
        String team = on.team();
        try (Journey journey = on.journey()) {
            Page page = journey.page;
            journey.check("launch");
            page.evaluate("() => { window.journeyMarker = 'same page'; }");
            assertThat(page.locator("#launch-progress")).containsText("(0 of ");

            Locator tls = item(page, TLS);
            tls.locator("input.evidence").fill("https://certs.example.com/renewal-job");
            tls.locator("button.tick").click();
            assertThat(item(page, TLS)).hasAttribute("data-state", "done");
            assertThat(item(page, TLS).locator("button.tick")).hasAttribute("aria-checked", "true");
            assertThat(page.locator("#launch-progress")).containsText("(1 of ");
            assertThat(page.locator("#section-infrastructure-progress")).containsText("1 of ");
            assertThat(page.locator("#section-index .section-list")).containsText("1/");

            item(page, CDN).locator(".item-title").click();
            Locator panel = page.locator("#item-panel");
            assertThat(panel).hasAttribute("open", "");
            journey.check("launch-item-panel");
            panel.locator("input[name=reason]").fill("no static assets");
            panel.locator("button[value=not_applicable]").click();
            assertThat(item(page, CDN)).hasAttribute("data-state", "not applicable");
            assertThat(panel).not().hasAttribute("open", "");

            item(page, HOSTING).locator(".item-title").click();
            panel.locator("input[name=reason]").fill("waiting for the cloud account");
            panel.locator("button[value=blocked]").click();
            assertThat(item(page, HOSTING)).hasAttribute("data-state", "blocked");

            assertThat(page.evaluate("() => window.journeyMarker")).as("the page was not reloaded").isEqualTo("same page");
            journey.check("launch-ticked");

            keyboardTicks(page, TEST_DATA);
            assertThat(page.locator("#launch-progress")).containsText("(2 of ");

            page.reload();
            assertThat(item(page, TLS)).hasAttribute("data-state", "done");
            assertThat(item(page, TLS)).containsText("https://certs.example.com/renewal-job");
            assertThat(item(page, CDN)).containsText("no static assets");
            assertThat(item(page, HOSTING)).hasAttribute("data-state", "blocked");
            assertThat(item(page, TEST_DATA)).hasAttribute("data-state", "done");
            assertThat(page.locator("#launch-progress")).containsText("(2 of ");
            journey.check("launch-reloaded");

            page.navigate("/?team=" + team);
            assertThat(page.locator("table.board tbody tr")).hasCount(1);
            assertThat(page.locator("table.board tbody tr")).containsText("Payments API GA");
            journey.check("board");
            page.getByText("Sections heatmap").click();
            assertThat(page.locator("table.heatmap tbody tr")).hasCount(1);
            journey.check("board-heatmap");
            page.navigate("/board/teams");
            journey.check("board-teams");
            page.navigate("/board/recovery?problem=no-targets&team=" + team);
            assertThat(page.locator("tbody tr")).hasCount(1);
            journey.check("board-recovery");
        }
    }

    @Test
    void without_javascript_the_same_journey_works_through_plain_form_posts() {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 1);
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        try (Journey journey = Journey.signedIn(base, engineer.username(), engineer.password(), false)) {
            Page page = journey.page;
            openLaunch(journey, service);

            item(page, TLS).locator("button.tick").click();
            assertThat(page.locator("[role=alert]")).containsText("TLS certificates installed and renewing automatically: Evidence link: is required");
            item(page, TLS).locator("input.evidence").fill("https://certs.example.com/no-js");
            item(page, TLS).locator("button.tick").click();
            page.waitForURL(url -> url.contains("notice=updated"));
            assertThat(page.locator(".notice-ok")).containsText("Saved");
            assertThat(item(page, TLS)).hasAttribute("data-state", "done");

            item(page, CDN).locator("input.evidence").fill("static assets served by the app itself");
            item(page, CDN).locator("input.evidence").press("Enter");
            page.waitForURL(url -> url.contains("notice=updated") && url.contains("#item-" + CDN));
            assertThat(item(page, CDN)).hasAttribute("data-state", "done");
            assertThat(item(page, CDN)).containsText("static assets served by the app itself");

            item(page, HOSTING).locator(".item-title").click();
            page.locator("#reason").fill("");
            page.locator("button[value=not_applicable]").click();
            assertThat(page.locator("[role=alert]")).containsText("Reason: is required");
            page.locator("#reason").fill("hosted by the platform team");
            page.locator("button[value=not_applicable]").click();
            page.waitForURL(url -> url.contains("/items/" + HOSTING) && url.contains("notice=updated"));
            assertThat(page.locator(".page-head .badge").first()).hasText("not applicable");
            journey.check("item-no-js");

            page.navigate(page.url().replaceAll("/items/.*", ""));
            // TLS and hosting are required, the CDN is not
            assertThat(page.locator("#launch-progress")).containsText("(2 of ");
            assertThat(item(page, HOSTING)).containsText("hosted by the platform team");
        }
    }

    @Test
    void two_people_on_one_item_the_stale_write_is_refused_clearly_and_nothing_is_lost() {
        String team = Fixtures.team();
        long launch = Fixtures.launch(Fixtures.service(team, 2), Fixtures.template(true));
        Fixtures.TestUser first = Fixtures.user("engineer", team);
        Fixtures.TestUser second = Fixtures.user("engineer", team);
        String itemPage = "/launches/" + launch + "/items/basics.backups";
        try (Journey a = Journey.signedIn(base, first.username(), first.password());
                Journey b = Journey.signedIn(base, second.username(), second.password())) {
            a.page.navigate(itemPage);
            b.page.navigate(itemPage);
            a.check("item");
            a.page.locator("#evidenceLink").fill("https://backups.example.com/restore/first");
            a.page.locator("button[value=done]").click();
            assertThat(a.page.locator(".notice-ok")).containsText("Item saved");

            b.page.locator("#evidenceLink").fill("https://backups.example.com/restore/second");
            b.page.locator("button[value=done]").click();
            assertThat(b.page.locator("[role=alert]")).containsText("Someone changed this item");
            assertThat(b.page.locator("#evidenceLink")).hasValue("https://backups.example.com/restore/second");
            assertThat(b.page.locator("ol.timeline")).containsText(first.username());
            b.check("item-stale");
        }
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/basics.backups").then().statusCode(200)
                .body("evidenceLink", equalTo("https://backups.example.com/restore/first"))
                .body("doneBy", equalTo(first.username()));
    }

    @Test
    void an_approver_signs_off_waives_and_decides_go_while_an_engineer_sees_no_approver_action() {
        String team = Fixtures.team();
        long launch = Fixtures.launch(Fixtures.service(team, 2), Fixtures.template(true));
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        Fixtures.TestUser approver = Fixtures.user("approver");
        String launchPage = "/launches/" + launch;
        try (Journey e = Journey.signedIn(base, engineer.username(), engineer.password())) {
            e.page.navigate(launchPage + "/items/basics.runbook");
            e.page.locator("#evidenceNote").fill("wiki/payments/runbook");
            e.page.locator("button[value=done]").click();
            assertThat(e.page.locator(".page-head .badge").first()).hasText("awaiting sign-off");
            e.check("item-awaiting-sign-off");
            assertThat(e.page.locator("button[value=sign_off]")).hasCount(0);
            assertThat(e.page.locator("button[value=waive]")).hasCount(0);
            e.page.navigate(launchPage);
            assertThat(e.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record go / no-go")))
                    .hasCount(0);

            String csrf = e.page.locator("input[name=_csrf]").first().inputValue();
            int forged = e.page.request().post(launchPage + "/items/basics.runbook", RequestOptions.create()
                    .setForm(FormData.create().set("action", "sign_off").set("version", "1").set("_csrf", csrf)))
                    .status();
            assertThat(forged).as("an engineer's forged sign-off").isEqualTo(403);
        }
        try (Journey a = Journey.signedIn(base, approver.username(), approver.password())) {
            Page page = a.page;
            page.navigate(launchPage);
            item(page, "basics.runbook").locator("button[value^=sign_off]").click();
            assertThat(item(page, "basics.runbook")).hasAttribute("data-state", "done");

            page.navigate(launchPage + "/items/basics.backups");
            page.locator("#waiverReason").fill("restore tooling ships next sprint");
            page.locator("#riskOwner").fill("Head of Payments");
            page.locator("#compensatingControl").fill("nightly export checked by hand");
            page.locator("#expiresOn").fill(LocalDate.now().plusDays(14).toString());
            page.locator("button[value=waive]").click();
            assertThat(page.locator(".page-head .badge").first()).hasText("waived");
            a.check("item-waived");

            page.navigate(launchPage);
            page.getByText("Move to review").click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record go / no-go")).click();
            a.check("decision");
            page.locator("input[value=go]").check();
            page.locator("#rationale").fill("Runbook signed off; backups waived with a control.");
            page.locator("#conditions").fill("error rate watched for 24 h");
            page.locator("form button[type=submit]", new Page.LocatorOptions().setHasText("Record go / no-go")).click();
            assertThat(page.locator("h1 .badge")).hasText("go");
            Locator decision = page.locator("section[aria-labelledby=decision-title]");
            assertThat(decision).containsText("error rate watched for 24 h");
            assertThat(decision).containsText("Head of Payments");
            assertThat(decision).containsText(LocalDate.now().plusDays(14).toString());
            a.check("launch-go");

            page.getByText("Go-live report").first().click();
            assertThat(page.locator("section[aria-labelledby=report-waivers]")).containsText("Head of Payments");
            a.check("report");
        }
    }

    @Test
    void an_admin_imports_a_markdown_checklist_and_compares_it_with_a_clone() {
        String slug = Fixtures.unique("md");
        try (Journey admin = Journey.signedIn(base, TestApplication.ADMIN, TestApplication.ADMIN_PASSWORD)) {
            Page page = admin.page;
            page.navigate("/templates/import");
            admin.check("template-import");
            page.locator("#content").fill("""
                    # Go-live basics

                    ## Safety
                    - [ ] Backups restore cleanly
                    - [ ] Rollback rehearsed

                    ## People
                    - [ ] On-call rota published
                    """);
            page.locator("#format").selectOption("markdown");
            page.locator("#slug").fill(slug);
            page.locator("input[name=publish]").check();
            page.locator("form[action='/templates/import'] button[type=submit]").click();
            assertThat(page.locator("h1")).hasText("Go-live basics");
            assertThat(page.locator("section.checklist")).hasCount(2);
            admin.check("template");
            page.navigate("/templates/release-it-production-readiness");
            assertThat(page.locator(".badge-check").first()).isVisible();
            admin.check("template-with-checks");
            page.goBack();

            page.locator("summary", new Page.LocatorOptions().setHasText("Clone this template")).click();
            page.locator("#cloneSlug").fill(slug + "-copy");
            page.locator("form[action$='/clone'] button[type=submit]").click();
            assertThat(page.locator("h1")).containsText("Go-live basics");

            page.navigate("/templates/" + slug + "-copy/versions");
            page.locator("#toTemplate").selectOption(slug);
            page.locator("#to").fill("1");
            page.locator("form[action$='/diff'] button[type=submit]").click();
            assertThat(page.locator("h1")).containsText("From ");
            assertThat(page.locator(".page-head p")).hasText("0 added, 0 removed, 0 changed");
            assertThat(page.getByText("The two versions have the same checklist.")).isVisible();
            admin.check("template-diff");
        }
    }

    @Test
    void a_template_draft_moves_and_deletes_items_in_place_keeping_the_scroll_and_the_focus() {
        String slug = Fixtures.unique("edit");
        try (Journey admin = Journey.signedIn(base, TestApplication.ADMIN, TestApplication.ADMIN_PASSWORD)) {
            Page page = admin.page;
            page.navigate("/templates/launch-readiness");
            page.locator("summary", new Page.LocatorOptions().setHasText("Clone this template")).click();
            page.locator("#cloneSlug").fill(slug);
            page.locator("form[action$='/clone'] button[type=submit]").click();
            page.navigate("/templates/" + slug + "/draft");
            page.evaluate("() => { window.journeyMarker = 'same page'; }");
            Locator items = page.locator("#draft-editor ul.items > li");
            int count = items.count();
            Locator moving = items.nth(30);
            String title = moving.locator(".item-head a").textContent();
            moving.scrollIntoViewIfNeeded();
            Number before = (Number) page.evaluate("() => window.scrollY");
            moving.locator("button[value=down]").click();
            assertThat(items.nth(31).locator(".item-head a")).hasText(title);
            assertThat(page.locator("#draft-editor .notice-ok")).hasCount(1);
            assertThat(page.locator("button[value=down][aria-label*='" + title + "']")).isFocused();
            page.keyboard().press("Enter");
            assertThat(items.nth(32).locator(".item-head a")).hasText(title);
            Number after = (Number) page.evaluate("() => window.scrollY");
            assertThat(Math.abs(after.doubleValue() - before.doubleValue())).as("the page keeps its scroll position")
                    .isLessThan(2.0);

            items.nth(32).locator("button[value=remove]").click();
            assertThat(items).hasCount(count - 1);
            assertThat(page.locator("#draft-editor")).not().containsText(title);
            assertThat(page.evaluate("() => window.journeyMarker")).as("the page was not reloaded").isEqualTo("same page");
            admin.check("template-draft");
        }
    }

    @Test
    void a_token_made_in_settings_ticks_an_item_and_its_name_shows_in_the_history() {
        String team = Fixtures.team();
        long launch = Fixtures.launch(Fixtures.service(team, 2), Fixtures.template(true));
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        try (Journey journey = Journey.signedIn(base, engineer.username(), engineer.password())) {
            Page page = journey.page;
            page.navigate("/settings/tokens");
            assertThat(page.locator("#expiresOn").boundingBox().height)
                    .as("a date field is drawn like a text field (its calendar button adds a little)")
                    .isCloseTo(page.locator("#name").boundingBox().height, offset(4.0));
            page.locator("#name").fill("release-pipeline");
            page.locator("input[name=write]").check();
            page.locator("form[action='/settings/tokens'] button[type=submit]").click();
            String secret = page.locator("#new-token").inputValue();
            assertThat(secret).startsWith("pf_");
            journey.check("tokens");

            Api.as(secret).contentType(ContentType.JSON)
                    .body(Map.of("status", "done", "evidenceLink", "https://ci.example.com/pipelines/812"))
                    .when().patch("/api/v1/launches/" + launch + "/items/basics.backups").then().statusCode(200);

            page.navigate("/launches/" + launch + "/items/basics.backups");
            assertThat(page.locator("ol.timeline")).containsText("token:release-pipeline");
            assertThat(page.locator("ol.timeline")).containsText("https://ci.example.com/pipelines/812");
            journey.check("item-history");
        }
    }

    @Test
    void script_payloads_in_names_evidence_and_comments_stay_inert() {
        String payload = "<script>window.injected=1;alert('script')</script><img src=x onerror=\"window.injected=2;alert('img')\">";
        String team = Fixtures.team();
        String service = Fixtures.unique("xss");
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("slug", service, "name", "Shop " + payload, "team", team, "tier", 2,
                        "description", payload, "onCall", payload))
                .when().post("/api/v1/services").then().statusCode(201);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("template", Fixtures.template(true));
        body.put("name", "GA " + payload);
        body.put("environment", "production");
        body.put("targetDate", LocalDate.now().plusDays(9).toString());
        long launch = ((Number) Api.admin().contentType(ContentType.JSON).body(body).when().post("/api/v1/launches")
                .then().statusCode(201).extract().path("id")).longValue();
        Api.admin().contentType(ContentType.JSON).body(Map.of("status", "done", "evidenceNote", payload,
                "comment", payload)).when().patch("/api/v1/launches/" + launch + "/items/basics.runbook").then()
                .statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("status", "blocked", "reason", payload))
                .when().patch("/api/v1/launches/" + launch + "/items/basics.backups").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("content", "# Runbook\n\n" + payload
                + "\n\n[click](javascript:window.injected=3)\n", "note", payload))
                .when().put("/api/v1/services/" + service + "/runbook").then().statusCode(200);

        try (Journey admin = Journey.withoutContentSecurityPolicy(base, TestApplication.ADMIN,
                TestApplication.ADMIN_PASSWORD)) {
            Page page = admin.page;
            for (String path : new String[] { "/services?q=" + service, "/services/" + service, "/launches?team=" + team,
                    "/launches/" + launch, "/launches/" + launch + "/items/basics.runbook",
                    "/services/" + service + "/runbook", "/services/" + service + "/runbook/print" }) {
                page.navigate(path);
                assertThat(page.evaluate("() => window.injected === undefined")).as("script ran on " + path)
                        .isEqualTo(true);
                assertThat(admin.dialogs).as("dialogs on " + path).isEmpty();
            }
            page.navigate("/services/" + service + "/runbook");
            assertThat(page.locator(".runbook")).containsText("<script>window.injected=1");
            page.locator(".runbook a").click();
            assertThat(page.evaluate("() => window.injected === undefined")).as("a runbook link ran script").isEqualTo(true);
        }
    }

    @Test
    void a_change_made_elsewhere_shows_up_on_the_open_launch_page_and_board_marked_with_who_made_it() {
        String team = Fixtures.team();
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        long launch = Fixtures.launch(Fixtures.service(team, 2), Fixtures.template(true));
        try (Journey onLaunch = Journey.signedIn(base, engineer.username(), engineer.password());
                Journey onBoard = Journey.signedIn(base, engineer.username(), engineer.password())) {
            Page page = onLaunch.page;
            page.navigate("/launches/" + launch);
            page.evaluate("() => { window.journeyMarker = 'same page'; }");
            onBoard.page.navigate("/?team=" + team);
            assertThat(onBoard.page.locator("#launch-row-" + launch)).hasCount(1);
            page.waitForFunction("() => document.querySelector('#main').dataset.liveReady === 'yes'");
            onBoard.page.waitForFunction("() => document.querySelector('#main').dataset.liveReady === 'yes'");

            Api.admin().contentType(ContentType.JSON).body(Map.of("status", "done", "evidenceLink",
                    "https://ci.example/runs/7")).when().patch("/api/v1/launches/" + launch + "/items/basics.backups")
                    .then().statusCode(200);

            Locator backups = item(page, "basics.backups");
            assertThat(backups).hasAttribute("data-state", "done");
            assertThat(backups).hasClass(Pattern.compile("just-changed"));
            assertThat(backups.locator(".changed-by")).containsText("Changed by admin (done)");
            assertThat(page.locator("#launch-progress")).containsText("(1 of ");
            assertThat(page.evaluate("() => window.journeyMarker")).as("the page was not reloaded").isEqualTo("same page");
            onLaunch.check("launch-live-change");

            Locator row = onBoard.page.locator("#launch-row-" + launch);
            assertThat(row.locator(".changed-by")).containsText("Changed just now");
            assertThat(row).containsText("50%");
        }
    }

    @Test
    void every_answer_to_a_tick_is_shown_on_the_item_and_signing_in_again_brings_back_what_was_typed() {
        OnLaunch on = engineerOnANewLaunch();
        Fixtures.TestUser engineer = on.engineer();
        try (Journey journey = on.journey()) {
            Page page = journey.page;

            item(page, TEST_DATA).locator("button.tick").click();
            assertThat(item(page, TEST_DATA)).hasAttribute("data-state", "done");
            assertThat(item(page, TEST_DATA).locator("button.tick")).isFocused();
            assertThat(page.locator("#announcer")).hasText(Pattern.compile("^Saved: .+, done\\.$"));

            Page other = journey.anotherTab();
            other.navigate("/account");
            other.locator("form[action='/logout'] button").click();
            other.waitForURL(url -> url.contains("/login"));

            item(page, TLS).locator("input.evidence").fill("https://certs.example.com/typed-while-signed-out");
            item(page, TLS).locator("input.evidence").press("Enter");
            Locator answer = item(page, TLS).locator(".answer[role=alert]");
            assertThat(answer).containsText("Not saved: you are signed out.");
            assertThat(item(page, TLS)).hasAttribute("data-state", "open");
            journey.check("launch-signed-out");
            answer.getByText("Sign in again").click();
            page.locator("#username").fill(engineer.username());
            page.locator("#password").fill(engineer.password());
            page.locator("form[action='/login'] button[type=submit]").click();
            assertThat(item(page, TLS).locator("input.evidence"))
                    .hasValue("https://certs.example.com/typed-while-signed-out");
            assertThat(item(page, TLS)).containsText("It is not saved yet");
            item(page, TLS).locator("button.tick").click();
            assertThat(item(page, TLS)).hasAttribute("data-state", "done");

            Api.admin().contentType(ContentType.JSON).body(Map.of("displayName", "Now a viewer", "role", "viewer"))
                    .when().put("/api/v1/users/" + engineer.username()).then().statusCode(200);
            item(page, HOSTING).locator("button.tick").click();
            assertThat(item(page, HOSTING).locator(".answer[role=alert]")).containsText("Not saved: You are signed in, but your role");
            assertThat(item(page, HOSTING)).hasAttribute("data-state", "open");
        }
    }

    @Test
    void twenty_items_ticked_with_the_mouse_and_twenty_with_the_keyboard_take_one_action_each() {
        OnLaunch on = engineerOnANewLaunch();
        try (Journey journey = on.journey()) {
            Page page = journey.page;
            page.setViewportSize(1366, 900);
            Locator open = page.locator(".launch-item:has(button.tick[aria-checked=false])");
            int clicks = 0;
            int pastes = 0;
            int enters = 0;
            int withEvidence = 0;
            for (int n = 0; n < 20; n++) {
                Locator row = open.first();
                String id = row.getAttribute("id");
                Locator evidence = row.locator("input.evidence");
                if (evidence.count() > 0) {
                    evidence.click();
                    page.keyboard().insertText(evidence.getAttribute("type").equals("url")
                            ? "https://evidence.example/" + id : "checked by hand");
                    page.keyboard().press("Enter");
                    pastes++;
                    enters++;
                    withEvidence++;
                } else {
                    row.locator("button.tick").click();
                }
                clicks++;
                assertThat(page.locator("[id='" + id + "'] button.tick")).hasAttribute("aria-checked", "true");
            }
            System.out.printf("Mouse, 20 items (%d with evidence): %d clicks, %d pastes, %d Enter%n", withEvidence,
                    clicks, pastes, enters);
            assertThat(clicks).as("one click per item").isEqualTo(20);
            assertThat(enters).as("Enter only after pasting evidence").isEqualTo(withEvidence);
            assertThat(page.locator("#launch-progress")).not().containsText("(0 of ");

            page.locator("h1").click();
            int keys = 0;
            int keyPastes = 0;
            for (int n = 0; n < 20; n++) {
                page.keyboard().press("n");
                keys++;
                String id = (String) page.evaluate("() => document.activeElement.closest('.launch-item').id");
                if ((Boolean) page.evaluate("() => document.activeElement.classList.contains('evidence')")) {
                    page.keyboard().insertText("https://evidence.example/keyboard/" + n);
                    keyPastes++;
                    page.keyboard().press("Enter");
                } else {
                    page.keyboard().press("Space");
                }
                keys++;
                assertThat(page.locator("[id='" + id + "'] button.tick")).hasAttribute("aria-checked", "true");
                assertThat(page.locator("[id='" + id + "'] button.tick")).isFocused();
            }
            System.out.printf("Keyboard, 20 items: %d key presses (%.1f per item) and %d pastes%n", keys, keys / 20.0,
                    keyPastes);
            assertThat(keys).as("the next open item, then Space or Enter").isEqualTo(40);
            assertThat(page.locator("#announcer")).hasText(Pattern.compile("^Saved: .+\\.$"));
            journey.check("launch-forty-ticked");
        }
    }

    @Test
    void ten_items_marked_done_together_with_one_shared_link() {
        OnLaunch on = engineerOnANewLaunch();
        try (Journey journey = on.journey()) {
            Page page = journey.page;
            page.getByText("Select several items").click();
            Locator picks = page.locator(".launch-item:has(button.tick[aria-checked=false]):not(:has(input.evidence[type=text])) input.pick");
            List<String> picked = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                picks.nth(n).check();
                picked.add(picks.nth(n).getAttribute("value"));
            }
            page.locator("input[name=pickedLink]").fill("https://wiki.example.com/launch-review");
            journey.check("launch-selecting");
            page.locator("button[value='picked done']").click();
            for (String key : picked) {
                assertThat(item(page, key).locator("button.tick")).hasAttribute("aria-checked", "true");
            }
            assertThat(page.locator(".notice-ok")).containsText("Saved");
            assertThat(page.locator("#launch-progress")).not().containsText("(0 of ");
        }
    }

    @Test
    void a_new_launch_of_each_built_in_template_shows_its_first_open_item_on_the_first_screen() {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 1);
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        try (Journey journey = Journey.signedIn(base, engineer.username(), engineer.password())) {
            Page page = journey.page;
            for (String template : List.of("launch-readiness", "glasswork-production-readiness",
                    "release-it-production-readiness", "acton-service-production-checklist", "shipping-ai-assisted-code")) {
                long launch = Fixtures.launch(service, template);
                for (int[] size : new int[][] { { 1366, 900 }, { 390, 844 } }) {
                    page.setViewportSize(size[0], size[1]);
                    page.navigate("/launches/" + launch);
                    Number bottom = (Number) page.evaluate("() => document.querySelector('.launch-item:has(button.tick[aria-checked=false])')"
                            + ".querySelector('.item-title').getBoundingClientRect().bottom");
                    System.out.printf("%s at %dx%d: first open item ends at %.0f px%n", template, size[0], size[1],
                            bottom.doubleValue());
                    assertThat(bottom.doubleValue()).as("%s at %d px: the first open item is on the first screen", template,
                            size[0]).isLessThanOrEqualTo(size[1]);
                }
            }
        }
    }

    /** An engineer of a new team, signed in, on a new launch of the team's tier-1 service. */
    private record OnLaunch(String team, Fixtures.TestUser engineer, Journey journey) {
    }

    @Test
    void an_approver_sees_the_groups_that_owe_a_sign_off_the_after_launch_phase_and_items_left_out() {
        String team = Fixtures.team();
        Fixtures.TestUser approver = Fixtures.user("approver", team);
        String group = Fixtures.unique("security");
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Security review", "members",
                List.of(approver.username()))).when().put("/api/v1/sign-off-groups/" + group).then().statusCode(200);
        String template = Fixtures.unique("areas");
        Api.admin().contentType("application/yaml").body("""
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
                      - key: basics.probes
                        title: Kubernetes probes configured
                        appliesWhen: {runsOn: [kubernetes]}
                  - key: first-day
                    title: First day
                    items:
                      - key: first-day.error-rates
                        title: Error rates watched
                        phase: after_launch
                        window: PT24H
                        evidence: note
                """.formatted(template, group)).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(201);
        String service = Fixtures.service(team, 2);
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Service " + service, "team", team, "tier", 2,
                "runsOn", "serverless")).when().put("/api/v1/services/" + service).then().statusCode(200);
        long launch = Fixtures.launch(service, template);
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review")).when()
                .post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);

        try (Journey journey = Journey.signedIn(base, approver.username(), approver.password())) {
            Page page = journey.page;
            page.navigate("/launches/" + launch);
            assertThat(item(page, "basics.probes")).hasAttribute("data-state", "not applicable");
            assertThat(item(page, "basics.probes")).containsText("Left out by its condition: the service runs as serverless functions");
            assertThat(item(page, "first-day.error-rates")).containsText("after launch, within 24 hours");
            assertThat(item(page, "first-day.error-rates").locator("button.tick")).hasCount(0);
            journey.check("launch-left-out");

            page.navigate("/launches/" + launch + "/decision");
            assertThat(page.locator("section[aria-labelledby=owed-title]")).containsText("Security review: 1 item");
            journey.check("decision-owed-sign-offs");

            page.navigate("/launches/" + launch);
            item(page, "basics.pen-test").locator("input.evidence").fill("https://pentest.example/report");
            item(page, "basics.pen-test").locator("input.evidence").press("Enter");
            assertThat(item(page, "basics.pen-test")).hasAttribute("data-state", "done");
            page.navigate("/launches/" + launch + "/decision");
            assertThat(page.locator("section[aria-labelledby=owed-title]")).containsText("Every item that needs a sign-off has it");
            page.locator("input[value=go]").check();
            page.locator("#rationale").fill("security signed, nothing else open");
            page.locator("form button[type=submit]", new Page.LocatorOptions().setHasText("Record go / no-go")).click();
            assertThat(page.locator("h1 .badge")).hasText("go");

            page.locator("a.button", new Page.LocatorOptions().setHasText("Mark launched")).click();
            page.locator("form button[type=submit]", new Page.LocatorOptions().setHasText("Mark launched")).click();
            assertThat(page.locator("h1 .badge")).hasText("launched");
            assertThat(page.locator("#launch-progress")).containsText("after launch: 0 of 1 resolved");
            assertThat(item(page, "first-day.error-rates")).containsText("due");
            journey.check("launch-after-launch");
            item(page, "first-day.error-rates").locator("input.evidence").fill("no increase in the first day");
            item(page, "first-day.error-rates").locator("input.evidence").press("Enter");
            assertThat(item(page, "first-day.error-rates")).hasAttribute("data-state", "done");
            page.reload();
            assertThat(page.locator("h1 .badge")).hasText("closed");
            journey.check("launch-closed");
        }
    }

    @Test
    void an_item_ticked_by_its_check_reopens_live_when_a_header_goes_missing_and_a_check_again_ticks_it() {
        String team = Fixtures.team();
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        try (CheckedSite site = CheckedSite.start();
                Journey journey = Journey.signedIn(base, engineer.username(), engineer.password())) {
            long launch = Fixtures.launch(Fixtures.serviceAt(team, site.address()), Fixtures.checkedTemplate());
            Page page = journey.page;
            page.navigate("/launches/" + launch);
            page.waitForFunction("() => document.querySelector('#main').dataset.liveReady === 'yes'");
            Locator headers = item(page, "web.headers");
            assertThat(headers).containsText("Checked automatically: security headers");
            assertThat(headers.locator("button.tick")).hasCount(1);

            Api.admin().when().post("/api/v1/launches/" + launch + "/items/web.headers/checks").then().statusCode(200);
            assertThat(headers).hasAttribute("data-state", "done");
            assertThat(headers).containsText("passed: 2 of 2 as expected");
            assertThat(headers.locator("button.tick")).hasAttribute("aria-checked", "true");
            journey.check("check-ticked");

            site.headers.remove("Strict-Transport-Security");
            Api.admin().when().post("/api/v1/launches/" + launch + "/items/web.headers/checks").then().statusCode(200);
            assertThat(headers).hasAttribute("data-state", "open");
            assertThat(headers).containsText("Strict-Transport-Security");
            journey.check("check-reopened");

            headers.locator("a", new Locator.LocatorOptions().setHasText("results")).click();
            Locator check = page.locator("#check");
            assertThat(check).containsText("Failed");
            assertThat(check.locator("tr.failing")).containsText(CheckedSite.HSTS);
            journey.check("check-results");
            site.headers.put("Strict-Transport-Security", CheckedSite.HSTS);
            check.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check again")).click();
            assertThat(page.locator("#check .check-verdict")).containsText("Passed");
            assertThat(page.locator("#check tr.failing")).hasCount(0);
            assertThat(page.locator("#check .check-history li")).hasCount(3);
            journey.check("check-again");

            page.navigate("/checks");
            assertThat(page.locator("h1")).hasText("Checks");
            journey.check("check-board");
        }
    }

    private OnLaunch engineerOnANewLaunch() {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 1);
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        Journey journey = Journey.signedIn(base, engineer.username(), engineer.password());
        try {
            openLaunch(journey, service);
        } catch (RuntimeException | AssertionError e) {
            journey.close();
            throw e;
        }
        return new OnLaunch(team, engineer, journey);
    }

    /** Opens a launch of the service from the built-in launch-readiness template through the form. */
    private static void openLaunch(Journey journey, String service) {
        Page page = journey.page;
        page.navigate("/launches/new?service=" + service);
        page.locator("#template").selectOption("launch-readiness");
        page.locator("#name").fill("Payments API GA");
        page.locator("#targetDate").fill(LocalDate.now().plusDays(21).toString());
        journey.check("launch-new");
        page.locator("form button[type=submit]", new Page.LocatorOptions().setHasText("Open a launch")).click();
        assertThat(page.locator(".notice-ok")).containsText("Launch opened");
    }

    /** Reaches an item's tick box from the top of the page with Tab alone, and ticks it with Space. */
    private static void keyboardTicks(Page page, String key) {
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
        String tick = "[id='item-" + key + "'] button.tick";
        boolean reached = false;
        int presses = 0;
        while (presses < 300 && !reached) {
            page.keyboard().press("Tab");
            presses++;
            reached = (Boolean) page.evaluate("s => document.activeElement === document.querySelector(s)", tick);
        }
        assertThat(reached).as("the item's tick box is reachable with Tab").isTrue();
        System.out.printf("Tab presses from the top of the page to the tick box of %s: %d%n", key, presses);
        assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
                .as("focus is visible").isNotEqualTo("none");
        assertThat((String) page.evaluate("() => document.activeElement.getAttribute('aria-label')"))
                .as("named with its item").matches("Mark “.+” done");
        page.keyboard().press("Space");
        assertThat(item(page, key)).hasAttribute("data-state", "done");
    }

    private static Locator item(Page page, String key) {
        return page.locator("[id='item-" + key + "']");
    }
}
