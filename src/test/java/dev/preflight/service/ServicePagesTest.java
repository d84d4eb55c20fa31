package dev.preflight.service;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.preflight.Fixtures;
import dev.preflight.Html;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ServicePagesTest {

    @Test
    void the_list_shows_services_with_their_owner_tier_and_lifecycle() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 1);
        Document page = Html.get("/services?team=" + team, SC_OK);
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
        String fragment = given().header("HX-Request", "true").queryParam("q", slug)
                .when().get("/services").then().statusCode(SC_OK).extract().asString();
        assertThat(fragment).doesNotContain("<html").contains("Service " + slug);
    }

    @Test
    void registering_through_the_form_leads_to_the_new_service() {
        String team = Fixtures.team();
        String slug = Fixtures.unique("form");
        Response created = given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams(Map.of("name", "Checkout Web", "slug", slug, "team", team, "tier", "2",
                        "lifecycle", "launching", "onCall", "#checkout", "repositoryUrl", "https://git.example.com/c",
                        "version", ""))
                .when().post("/services");
        created.then().statusCode(SC_SEE_OTHER);
        assertThat(created.header("Location")).endsWith("/services/" + slug + "?notice=created");

        Document page = Html.get("/services/" + slug + "?notice=created", SC_OK);
        assertThat(Html.text(page, "h1")).isEqualTo("Checkout Web");
        assertThat(Html.text(page, "[role=status]")).isEqualTo("The service was registered.");
        assertThat(Html.text(page, "dl.facts")).contains("#checkout", "launching", "Tier 2: important");
        assertThat(page.select("a[href=https://git.example.com/c]").attr("rel")).contains("noopener");
    }

    @Test
    void an_invalid_form_comes_back_with_each_error_next_to_its_field_and_the_input_kept() {
        Response refused = given().contentType(ContentType.URLENC).accept("text/html")
                .formParams(Map.of("name", "Half typed", "team", "", "tier", "", "repositoryUrl", "not a url"))
                .when().post("/services");
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
        Document form = Html.get("/services/" + slug + "/edit", SC_OK);
        assertThat(form.select("input[name=version]").attr("value")).isEqualTo("0");

        given().contentType(ContentType.JSON).body(Map.of("name", "Saved by someone else", "team", team, "tier", 2))
                .when().put("/api/v1/services/" + slug).then().statusCode(SC_OK);

        Response stale = given().contentType(ContentType.URLENC).accept("text/html")
                .formParams(Map.of("name", "My edit", "team", team, "tier", "2", "lifecycle", "planned",
                        "version", "0"))
                .when().post("/services/" + slug);
        stale.then().statusCode(SC_PRECONDITION_FAILED);
        Document page = Html.parse(stale);
        assertThat(Html.text(page, "[role=alert]")).contains("changed since version 0");
        assertThat(page.select("#name").attr("value")).isEqualTo("My edit");
        assertThat(Html.text(page, ".current")).contains("Saved by someone else");
        assertThat(page.select("input[name=version]").attr("value")).isEqualTo("1");

        given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams(Map.of("name", "My edit", "team", team, "tier", "2", "lifecycle", "planned",
                        "version", "1"))
                .when().post("/services/" + slug).then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(Html.get("/services/" + slug, SC_OK), "h1")).isEqualTo("My edit");
    }

    @Test
    void deleting_asks_first_then_removes_the_service() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 3);
        Document confirm = Html.get("/services/" + slug + "/delete", SC_OK);
        assertThat(Html.text(confirm, "h1")).isEqualTo("Delete Service " + slug + "?");
        assertThat(confirm.select("form[method=post]").attr("action")).isEqualTo("/services/" + slug + "/delete");

        given().contentType(ContentType.URLENC).redirects().follow(false).formParam("version", "0")
                .when().post("/services/" + slug + "/delete")
                .then().statusCode(SC_SEE_OTHER);
        Html.get("/services/" + slug, SC_NOT_FOUND);
    }

    @Test
    void markup_in_names_and_descriptions_is_shown_as_text() {
        String team = Fixtures.team();
        String slug = Fixtures.unique("xss");
        given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "<script>alert('name')</script>", "team", team, "tier", 1,
                        "description", "<img src=x onerror=alert(1)>", "onCall", "\"><b>bold</b>"))
                .when().post("/api/v1/services").then().statusCode(201);
        Document page = Html.get("/services/" + slug, SC_OK);
        assertThat(page.select("script:containsData(alert)")).isEmpty();
        assertThat(page.select("img[onerror]")).isEmpty();
        assertThat(page.select("main b")).isEmpty();
        assertThat(Html.text(page, "h1")).isEqualTo("<script>alert('name')</script>");
        assertThat(Html.text(page, ".prose")).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void the_start_page_leads_to_the_services() {
        given().redirects().follow(false).when().get("/").then().statusCode(SC_SEE_OTHER)
                .header("Location", org.hamcrest.Matchers.endsWith("/services"));
    }
}
