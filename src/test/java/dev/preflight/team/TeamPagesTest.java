package dev.preflight.team;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

@QuarkusTest
class TeamPagesTest {

    @Test
    void a_team_created_through_the_form_can_be_renamed() {
        String slug = Fixtures.unique("crew");
        Browser admin = Browser.admin();
        Response created = admin.post("/teams", Map.of("name", "Night Crew", "slug", slug));
        created.then().statusCode(SC_SEE_OTHER);
        assertThat(created.header("Location")).endsWith("/teams/" + slug + "?notice=created");

        Document page = admin.get("/teams/" + slug, SC_OK);
        assertThat(Html.text(page, "h1")).isEqualTo("Night Crew");
        assertThat(page.select("a[href=/services?team=" + slug + "]")).isNotEmpty();

        admin.post("/teams/" + slug, Map.of("name", "Day Crew", "version", "0")).then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(admin.get("/teams/" + slug + "?notice=updated", SC_OK), "[role=status]"))
                .isEqualTo("The team was renamed.");
        assertThat(Html.text(admin.get("/teams?page=1", SC_OK), "table")).contains("Day Crew");
    }

    @Test
    void a_taken_slug_is_reported_on_the_form() {
        String slug = Fixtures.team();
        Response refused = Browser.admin().post("/teams", Map.of("name", "Copycat", "slug", slug));
        refused.then().statusCode(SC_CONFLICT);
        Document page = Html.parse(refused);
        assertThat(Html.text(page, "#slug-error")).contains("already exists");
        assertThat(page.select("#name").attr("value")).isEqualTo("Copycat");
    }

    @Test
    void an_empty_name_is_refused_on_the_form() {
        Response refused = Browser.admin().post("/teams", Map.of("name", " "));
        refused.then().statusCode(SC_BAD_REQUEST);
        assertThat(Html.text(Html.parse(refused), "#name-error")).isEqualTo("is required");
    }

    @Test
    void a_team_with_services_is_not_deleted_and_the_page_says_why() {
        String team = Fixtures.team();
        Fixtures.service(team, 2);
        Browser admin = Browser.admin();
        Response refused = admin.post("/teams/" + team + "/delete", Map.of("version", "0"));
        refused.then().statusCode(SC_CONFLICT);
        assertThat(Html.text(Html.parse(refused), "[role=alert]")).contains("still owns services");
        admin.get("/teams/" + team, SC_OK);
    }

    @Test
    void admins_manage_members_and_others_only_see_them() {
        String team = Fixtures.team();
        Fixtures.TestUser member = Fixtures.user("engineer");
        Browser admin = Browser.admin();
        admin.post("/teams/" + team + "/members", Map.of("username", member.username()))
                .then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(admin.get("/teams/" + team + "/members", SC_OK), "ul.plain")).contains(member.username());

        Browser engineer = member.browser();
        Document page = engineer.get("/teams/" + team + "/members", SC_OK);
        assertThat(page.select("form[action$=/remove]")).isEmpty();
        engineer.post("/teams/" + team + "/members", Map.of("username", "someone")).then().statusCode(SC_FORBIDDEN);
        assertThat(engineer.get("/teams", SC_OK).select("form[action=/teams]")).isEmpty();
    }
}
