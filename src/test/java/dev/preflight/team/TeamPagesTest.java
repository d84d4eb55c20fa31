package dev.preflight.team;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_OK;
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
class TeamPagesTest {

    @Test
    void a_team_created_through_the_form_can_be_renamed() {
        String slug = Fixtures.unique("crew");
        Response created = given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams(Map.of("name", "Night Crew", "slug", slug)).when().post("/teams");
        created.then().statusCode(SC_SEE_OTHER);
        assertThat(created.header("Location")).endsWith("/teams/" + slug + "?notice=created");

        Document page = Html.get("/teams/" + slug, SC_OK);
        assertThat(Html.text(page, "h1")).isEqualTo("Night Crew");
        assertThat(page.select("a[href=/services?team=" + slug + "]")).isNotEmpty();

        given().contentType(ContentType.URLENC).redirects().follow(false)
                .formParams(Map.of("name", "Day Crew", "version", "0")).when().post("/teams/" + slug)
                .then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(Html.get("/teams/" + slug + "?notice=updated", SC_OK), "[role=status]"))
                .isEqualTo("The team was renamed.");
        assertThat(Html.text(Html.get("/teams?page=1", SC_OK), "table")).contains("Day Crew");
    }

    @Test
    void a_taken_slug_is_reported_on_the_form() {
        String slug = Fixtures.team();
        Response refused = given().contentType(ContentType.URLENC).accept("text/html")
                .formParams(Map.of("name", "Copycat", "slug", slug)).when().post("/teams");
        refused.then().statusCode(SC_CONFLICT);
        Document page = Html.parse(refused);
        assertThat(Html.text(page, "#slug-error")).contains("already exists");
        assertThat(page.select("#name").attr("value")).isEqualTo("Copycat");
    }

    @Test
    void an_empty_name_is_refused_on_the_form() {
        Response refused = given().contentType(ContentType.URLENC).accept("text/html")
                .formParams(Map.of("name", " ")).when().post("/teams");
        refused.then().statusCode(SC_BAD_REQUEST);
        assertThat(Html.text(Html.parse(refused), "#name-error")).isEqualTo("is required");
    }

    @Test
    void a_team_with_services_is_not_deleted_and_the_page_says_why() {
        String team = Fixtures.team();
        Fixtures.service(team, 2);
        Response refused = given().contentType(ContentType.URLENC).accept("text/html").formParam("version", "0")
                .when().post("/teams/" + team + "/delete");
        refused.then().statusCode(SC_CONFLICT);
        assertThat(Html.text(Html.parse(refused), "[role=alert]")).contains("still owns services");
        Html.get("/teams/" + team, SC_OK);
    }
}
