package dev.preflight.service;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

@QuarkusTest
class ServicePagesTest {

    @Test
    void the_list_shows_services_with_their_owner_tier_and_lifecycle() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 1);
        Document page = Browser.admin().get("/services?team=" + team, SC_OK);
        assertThat(page.title()).isEqualTo("Services · Preflight");
        assertThat(Html.text(page, "h1")).isEqualTo("Services");
        assertThat(Html.text(page, "#results tbody tr")).contains("Service " + slug, "Team " + team, "Tier 1",
                "planned");
        assertThat(page.select("#results .muted").first().text()).isEqualTo("1 service");
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Services");
    }

    @Test
    void an_htmx_search_gets_only_the_results() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 2);
        String fragment = Browser.admin().request().header("HX-Request", "true").queryParam("q", slug)
                .when().get("/services").then().statusCode(SC_OK).extract().asString();
        assertThat(fragment).doesNotContain("<html").contains("Service " + slug);
    }

    @Test
    void registering_through_the_form_leads_to_the_new_service() {
        String team = Fixtures.team();
        String slug = Fixtures.unique("form");
        Browser browser = Browser.admin();
        Response created = browser.post("/services", Map.of("name", "Checkout Web", "slug", slug, "team", team,
                "tier", "2", "lifecycle", "launching", "onCall", "#checkout",
                "repositoryUrl", "https://git.example.com/c", "version", ""));
        created.then().statusCode(SC_SEE_OTHER);
        assertThat(created.header("Location")).endsWith("/services/" + slug + "?notice=created");

        Document page = browser.get("/services/" + slug + "?notice=created", SC_OK);
        assertThat(Html.text(page, "h1")).isEqualTo("Checkout Web");
        assertThat(Html.text(page, "[role=status]")).isEqualTo("The service was registered.");
        assertThat(Html.text(page, "dl.facts")).contains("#checkout", "launching", "Tier 2: important");
        assertThat(page.select("a[href=https://git.example.com/c]").attr("rel")).contains("noopener");
    }

    @Test
    void an_invalid_form_comes_back_with_each_error_next_to_its_field_and_the_input_kept() {
        Response refused = Browser.admin().post("/services",
                Map.of("name", "Half typed", "team", "", "tier", "", "repositoryUrl", "not a url"));
        refused.then().statusCode(SC_BAD_REQUEST);
        Document page = Html.parse(refused);
        assertThat(Html.text(page, "[role=alert]")).isEqualTo("3 fields need attention.");
        assertThat(page.select("#name").attr("value")).isEqualTo("Half typed");
        assertThat(page.select("#repositoryUrl").attr("aria-invalid")).isEqualTo("true");
        assertThat(Html.text(page, "#repositoryUrl-error")).contains("http");
        assertThat(Html.text(page, "#team-error")).contains("is required");
        assertThat(page.select("label[for=name]").text()).isEqualTo("Name");
    }

    @Test
    void a_conflicting_edit_keeps_my_input_and_shows_what_was_saved_meanwhile() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 2);
        Browser browser = Browser.admin();
        Document form = browser.get("/services/" + slug + "/edit", SC_OK);
        assertThat(form.select("input[name=version]").attr("value")).isEqualTo("0");

        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Saved by someone else", "team", team, "tier", 2))
                .when().put("/api/v1/services/" + slug).then().statusCode(SC_OK);

        Map<String, String> mine = new HashMap<>(Map.of("name", "My edit", "team", team, "tier", "2",
                "lifecycle", "planned", "version", "0"));
        Response stale = browser.post("/services/" + slug, mine);
        stale.then().statusCode(SC_PRECONDITION_FAILED);
        Document page = Html.parse(stale);
        assertThat(Html.text(page, "[role=alert]")).contains("changed since version 0");
        assertThat(page.select("#name").attr("value")).isEqualTo("My edit");
        assertThat(Html.text(page, ".current")).contains("Saved by someone else");
        assertThat(page.select("input[name=version]").attr("value")).isEqualTo("1");

        mine.put("version", "1");
        browser.post("/services/" + slug, mine).then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(browser.get("/services/" + slug, SC_OK), "h1")).isEqualTo("My edit");
    }

    @Test
    void deleting_asks_first_then_removes_the_service() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 3);
        Browser browser = Browser.admin();
        Document confirm = browser.get("/services/" + slug + "/delete", SC_OK);
        assertThat(Html.text(confirm, "h1")).isEqualTo("Delete Service " + slug + "?");
        assertThat(confirm.select("main form[method=post]").attr("action")).isEqualTo("/services/" + slug + "/delete");

        browser.post("/services/" + slug + "/delete", Map.of("version", "0")).then().statusCode(SC_SEE_OTHER);
        browser.get("/services/" + slug, SC_NOT_FOUND);
    }

    @Test
    void markup_in_names_and_descriptions_is_shown_as_text() {
        String team = Fixtures.team();
        String slug = Fixtures.unique("xss");
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "<script>alert('name')</script>", "team", team, "tier", 1,
                        "description", "<img src=x onerror=alert(1)>", "onCall", "\"><b>bold</b>"))
                .when().post("/api/v1/services").then().statusCode(SC_CREATED);
        Document page = Browser.admin().get("/services/" + slug, SC_OK);
        assertThat(page.select("script:containsData(alert)")).isEmpty();
        assertThat(page.select("img[onerror]")).isEmpty();
        assertThat(page.select("main b")).isEmpty();
        assertThat(Html.text(page, "h1")).isEqualTo("<script>alert('name')</script>");
        assertThat(Html.text(page, ".prose")).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void an_engineer_sees_edit_actions_only_on_their_own_teams_services() {
        String mine = Fixtures.team();
        String other = Fixtures.team();
        String myService = Fixtures.service(mine, 2);
        String otherService = Fixtures.service(other, 2);
        Browser engineer = Fixtures.user("engineer", mine).browser();

        assertThat(engineer.get("/services/" + myService, SC_OK).select("a[href$=/edit]")).isNotEmpty();
        assertThat(engineer.get("/services/" + otherService, SC_OK).select("a[href$=/edit]")).isEmpty();
        Response forged = engineer.post("/services/" + otherService,
                Map.of("name", "Hijacked", "team", other, "tier", "2", "lifecycle", "planned", "version", "0"));
        forged.then().statusCode(SC_FORBIDDEN);
        assertThat(Html.text(Html.parse(forged), "h1")).isEqualTo("Not allowed");
    }

    @Test
    void a_viewer_cannot_register_services() {
        Browser viewer = Fixtures.user("viewer").browser();
        assertThat(viewer.get("/services", SC_OK).select("a[href=/services/new]")).isEmpty();
        viewer.get("/services/new", SC_FORBIDDEN);
    }

}
