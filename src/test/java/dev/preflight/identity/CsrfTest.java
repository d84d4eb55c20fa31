package dev.preflight.identity;

import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/**
 * Cookie-authenticated writes need the session's CSRF token; bearer-token writes carry no cookie a
 * foreign page could borrow, and need none.
 */
@QuarkusTest
class CsrfTest {

    @Test
    void a_form_post_without_the_token_is_refused_and_with_it_accepted() {
        Browser admin = Browser.admin();
        Response refused = admin.request().accept("text/html").contentType(ContentType.URLENC)
                .formParams(Map.of("name", "Forged team")).when().post("/teams");
        refused.then().statusCode(SC_FORBIDDEN);
        assertThat(Html.text(Html.parse(refused), "h1")).isEqualTo("Request not verified");

        admin.request().accept("text/html").contentType(ContentType.URLENC)
                .formParams(Map.of("name", "Forged team", "_csrf", "made-up")).when().post("/teams")
                .then().statusCode(SC_FORBIDDEN);

        admin.post("/teams", Map.of("name", "Real team " + Fixtures.unique("c"))).then().statusCode(SC_SEE_OTHER);
    }

    @Test
    void a_token_of_another_session_does_not_pass() {
        Fixtures.TestUser user = Fixtures.user("engineer");
        Browser first = user.browser();
        Browser second = user.browser();
        assertThat(first.csrf()).isNotEqualTo(second.csrf());
        second.request().contentType(ContentType.URLENC).formParams(Map.of("_csrf", first.csrf()))
                .when().post("/logout").then().statusCode(SC_FORBIDDEN);
    }

    @Test
    void json_writes_with_the_cookie_need_the_header_too() {
        Browser admin = Browser.admin();
        Map<String, String> body = Map.of("name", "Team " + Fixtures.unique("j"));
        admin.request().contentType(ContentType.JSON).body(body).when().post("/api/v1/teams")
                .then().statusCode(SC_FORBIDDEN).contentType("application/problem+json");
        admin.api().contentType(ContentType.JSON).body(body).when().post("/api/v1/teams")
                .then().statusCode(SC_CREATED);
    }

    @Test
    void a_token_authenticated_write_without_a_cookie_needs_no_csrf_token() {
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Team " + Fixtures.unique("t")))
                .when().post("/api/v1/teams").then().statusCode(SC_CREATED);
    }
}
