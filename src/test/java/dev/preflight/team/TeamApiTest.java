package dev.preflight.team;

import static dev.preflight.Fixtures.unique;
import static dev.preflight.ProblemAssertions.problem;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.apache.http.HttpStatus.SC_REQUEST_TOO_LONG;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Fixtures;

@QuarkusTest
class TeamApiTest {

    @Test
    void a_team_gets_a_slug_from_its_name() {
        String name = "Platform Ops " + unique("x");
        String slug = Api.admin().contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/api/v1/teams")
                .then().log().ifValidationFails()
                .statusCode(SC_CREATED)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("slug", equalTo(name.toLowerCase().replace(' ', '-')))
                .extract().path("slug");
        Api.admin().when().get("/api/v1/teams/" + slug).then().statusCode(SC_OK).body("name", equalTo(name));
        Api.admin().queryParam("size", 200).when().get("/api/v1/teams")
                .then().statusCode(SC_OK).body("items.slug", hasItem(slug)).body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void a_team_can_be_renamed_with_its_version() {
        String slug = Fixtures.team();
        Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", "Renamed"))
                .when().put("/api/v1/teams/" + slug)
                .then().statusCode(SC_OK).header("ETag", "\"1\"").body("name", equalTo("Renamed"));
        problem(Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", "Stale"))
                .when().put("/api/v1/teams/" + slug).then(), SC_PRECONDITION_FAILED, "stale-version");
        problem(Api.admin().contentType(ContentType.JSON).header("If-Match", "yesterday").body(Map.of("name", "Odd"))
                .when().put("/api/v1/teams/" + slug).then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors[0].field", equalTo("If-Match"));
        Api.admin().when().get("/api/v1/teams/" + slug).then().body("name", equalTo("Renamed"));
    }

    @Test
    void a_duplicate_slug_is_a_conflict() {
        String slug = Fixtures.team();
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Another"))
                .when().post("/api/v1/teams").then(), SC_CONFLICT, "conflict");
    }

    @Test
    void a_team_that_owns_services_cannot_be_deleted() {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 3);
        problem(Api.admin().when().delete("/api/v1/teams/" + team).then(), SC_CONFLICT, "conflict")
                .body("detail", containsString("owns services"));
        Api.admin().when().get("/api/v1/services/" + service).then().statusCode(SC_OK);

        Api.admin().when().delete("/api/v1/services/" + service).then().statusCode(SC_NO_CONTENT);
        Api.admin().when().delete("/api/v1/teams/" + team).then().statusCode(SC_NO_CONTENT);
        problem(Api.admin().when().get("/api/v1/teams/" + team).then(), SC_NOT_FOUND, "not-found");
    }

    @Test
    void every_error_path_answers_with_a_problem() {
        problem(Api.admin().when().get("/api/v1/teams/" + unique("none")).then(), SC_NOT_FOUND, "not-found");
        problem(Api.admin().when().delete("/api/v1/teams/" + unique("none")).then(), SC_NOT_FOUND, "not-found");
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("name", "X"))
                .when().put("/api/v1/teams/" + unique("none")).then(), SC_NOT_FOUND, "not-found");
        problem(Api.admin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/teams").then(),
                SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", contains("name"));
        problem(Api.admin().contentType(ContentType.JSON).body("{\"name\": 42}").when().post("/api/v1/teams").then(),
                SC_BAD_REQUEST, "malformed-request")
                .body("errors.field", contains("name"));
        problem(Api.admin().contentType(ContentType.JSON).body("{\"name\": \"A\", \"members\": []}")
                .when().post("/api/v1/teams").then(), SC_BAD_REQUEST, "malformed-request")
                .body("errors.field", contains("members"));
        problem(Api.admin().contentType(ContentType.JSON).body("name=A").when().post("/api/v1/teams").then(),
                SC_BAD_REQUEST, "malformed-request");
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("name", "!!!"))
                .when().post("/api/v1/teams").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", contains("slug"));
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("name", "A", "slug", "-bad-"))
                .when().post("/api/v1/teams").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", contains("slug"));
        for (String hidden : List.of("Pay\u202Eslo", "Zero\u200Bwidth", "Soft\u00ADhyphen", "Tag\uDB40\uDC41")) {
            problem(Api.admin().contentType(ContentType.JSON).body(Map.of("name", hidden))
                    .when().post("/api/v1/teams").then(), SC_BAD_REQUEST, "invalid-input")
                    .body("errors.field", contains("name"))
                    .body("errors[0].message", containsString("invisible or direction-changing"));
        }
        problem(Api.admin().contentType(ContentType.JSON).body("{\"name\": \"" + "b".repeat(1_100_000) + "\"}")
                .when().post("/api/v1/teams").then(), SC_REQUEST_TOO_LONG, "payload-too-large");
    }
}
