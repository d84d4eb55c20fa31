package dev.preflight.service;

import static dev.preflight.Fixtures.unique;
import static dev.preflight.ProblemAssertions.problem;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_METHOD_NOT_ALLOWED;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.apache.http.HttpStatus.SC_REQUEST_TOO_LONG;
import static org.apache.http.HttpStatus.SC_UNSUPPORTED_MEDIA_TYPE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Fixtures;

@QuarkusTest
class ServiceApiTest {

    @Test
    void registering_a_service_returns_it_with_location_etag_and_defaults() {
        String team = Fixtures.team();
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Payments API (EU)", "team", team, "tier", 1,
                        "repositoryUrl", "https://git.example.com/payments"))
                .when().post("/api/v1/services")
                .then().log().ifValidationFails()
                .statusCode(SC_CREATED)
                .header("Location", containsString("/api/v1/services/payments-api-eu"))
                .header("ETag", "\"0\"")
                .body("slug", equalTo("payments-api-eu"))
                .body("team", equalTo(team))
                .body("teamName", equalTo("Team " + team))
                .body("lifecycle", equalTo("planned"))
                .body("description", equalTo(""))
                .body("version", equalTo(0));
        Api.admin().when().delete("/api/v1/services/payments-api-eu").then().statusCode(SC_NO_CONTENT);
    }

    @Test
    void a_service_can_be_read_replaced_and_deleted() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 2);
        Map<String, Object> read = Api.admin().when().get("/api/v1/services/" + slug)
                .then().statusCode(SC_OK).header("ETag", "\"0\"").extract().jsonPath().getMap("");

        Map<String, Object> edited = new HashMap<>(read);
        edited.put("lifecycle", "production");
        edited.put("onCall", "#payments-oncall");
        edited.put("prometheusUrl", "https://prometheus.example.com");
        Api.admin().contentType(ContentType.JSON).body(edited)
                .when().put("/api/v1/services/" + slug)
                .then().log().ifValidationFails()
                .statusCode(SC_OK)
                .header("ETag", "\"1\"")
                .body("lifecycle", equalTo("production"))
                .body("onCall", equalTo("#payments-oncall"))
                .body("prometheusUrl", equalTo("https://prometheus.example.com"))
                .body("version", equalTo(1));

        Api.admin().header("If-Match", "\"1\"").when().delete("/api/v1/services/" + slug)
                .then().statusCode(SC_NO_CONTENT);
        problem(Api.admin().when().get("/api/v1/services/" + slug).then(), SC_NOT_FOUND, "not-found");
    }

    @Test
    void the_list_filters_by_team_tier_lifecycle_and_text_and_pages() {
        String team = Fixtures.team();
        String critical = Fixtures.service(team, 1);
        Fixtures.service(team, 3);
        Fixtures.service(team, 3);

        Api.admin().queryParam("team", team).when().get("/api/v1/services")
                .then().statusCode(SC_OK).body("total", equalTo(3)).body("items", hasSize(3))
                .body("items.team", everyItem(equalTo(team)));
        Api.admin().queryParam("team", team).queryParam("tier", "1").when().get("/api/v1/services")
                .then().statusCode(SC_OK).body("items.slug", contains(critical));
        Api.admin().queryParam("team", team).queryParam("lifecycle", "production").when().get("/api/v1/services")
                .then().statusCode(SC_OK).body("total", equalTo(0));
        Api.admin().queryParam("q", critical.toUpperCase()).when().get("/api/v1/services")
                .then().statusCode(SC_OK).body("items.slug", contains(critical));
        Api.admin().queryParam("team", team).queryParam("size", 2).queryParam("page", 2).when().get("/api/v1/services")
                .then().statusCode(SC_OK)
                .body("total", equalTo(3)).body("page", equalTo(2)).body("size", equalTo(2)).body("items", hasSize(1));
    }

    @Test
    void search_text_is_matched_literally() {
        String team = Fixtures.team();
        Fixtures.service(team, 2);
        Api.admin().queryParam("team", team).queryParam("q", "%").when().get("/api/v1/services")
                .then().statusCode(SC_OK).body("total", equalTo(0));
        Api.admin().queryParam("team", team).queryParam("q", "_").when().get("/api/v1/services")
                .then().statusCode(SC_OK).body("total", equalTo(0));
    }

    @Test
    void a_duplicate_slug_is_a_conflict() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 2);
        problem(Api.admin().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Again", "team", team, "tier", 2))
                .when().post("/api/v1/services").then(), SC_CONFLICT, "conflict")
                .body("detail", containsString(slug));
    }

    @Test
    void an_unknown_service_is_not_found_for_every_method() {
        String missing = unique("missing");
        problem(Api.admin().when().get("/api/v1/services/" + missing).then(), SC_NOT_FOUND, "not-found");
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("name", "X", "team", "x", "tier", 1))
                .when().put("/api/v1/services/" + missing).then(), SC_NOT_FOUND, "not-found");
        problem(Api.admin().when().delete("/api/v1/services/" + missing).then(), SC_NOT_FOUND, "not-found");
    }

    @Test
    void missing_fields_are_named() {
        problem(Api.admin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/services").then(),
                SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", contains("name", "team", "tier"));
    }

    @Test
    void invalid_values_are_named_with_what_is_wrong() {
        problem(Api.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(201), "team", unique("nobody"), "tier", 4, "slug", "Not A Slug",
                        "repositoryUrl", "javascript:alert(1)", "healthUrl", "ftp://example.com/x"))
                .when().post("/api/v1/services").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", contains("healthUrl", "name", "repositoryUrl", "slug", "team", "tier"))
                .body("errors.find { it.field == 'repositoryUrl' }.message", containsString("http"))
                .body("errors.find { it.field == 'team' }.message", containsString("there is no team"));
    }

    @Test
    void a_body_that_is_not_json_is_malformed() {
        problem(Api.admin().contentType(ContentType.JSON).body("{\"name\": ").when().post("/api/v1/services").then(),
                SC_BAD_REQUEST, "malformed-request");
        problem(Api.admin().contentType(ContentType.JSON).body("{nope}").when().post("/api/v1/services").then(),
                SC_BAD_REQUEST, "malformed-request")
                .body("detail", containsString("not valid JSON"));
        problem(Api.admin().contentType(ContentType.JSON).body("[1, 2]").when().post("/api/v1/services").then(),
                SC_BAD_REQUEST, "malformed-request");
        problem(Api.admin().contentType(ContentType.JSON).when().post("/api/v1/services").then(),
                SC_BAD_REQUEST, "malformed-request")
                .body("detail", containsString("body is required"));
    }

    @Test
    void wrong_types_unknown_fields_and_bad_enums_are_named() {
        String team = Fixtures.team();
        problem(post(Map.of("name", "X", "team", team, "tier", "two")), SC_BAD_REQUEST, "malformed-request")
                .body("errors[0].field", equalTo("tier")).body("errors[0].message", equalTo("must be a number"));
        problem(post(Map.of("name", "X", "team", team, "tier", 1.5)), SC_BAD_REQUEST, "malformed-request")
                .body("errors[0].field", equalTo("tier"));
        problem(post(Map.of("name", "X", "team", team, "tier", 1, "teir", 2)), SC_BAD_REQUEST, "malformed-request")
                .body("errors[0].field", equalTo("teir")).body("errors[0].message", equalTo("is not a known field"));
        problem(post(Map.of("name", "X", "team", team, "tier", 1, "lifecycle", "Live")), SC_BAD_REQUEST,
                "malformed-request")
                .body("errors[0].field", equalTo("lifecycle"))
                .body("errors[0].message", containsString("planned, launching, production, retired"));
        problem(post(Map.of("name", Map.of("nested", true), "team", team, "tier", 1)), SC_BAD_REQUEST,
                "malformed-request")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void bad_query_parameters_are_named() {
        problem(Api.admin().queryParam("tier", "high").queryParam("lifecycle", "dead").queryParam("size", 1000)
                .when().get("/api/v1/services").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", hasItem("tier"))
                .body("errors.field", hasItem("lifecycle"));
        problem(Api.admin().queryParam("size", 1000).when().get("/api/v1/services").then(), SC_BAD_REQUEST,
                "invalid-input")
                .body("errors.field", contains("size"));
    }

    @Test
    void a_stale_version_is_refused_and_nothing_is_written() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 2);
        Map<String, Object> change = Map.of("name", "Renamed", "team", team, "tier", 2);
        Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .when().put("/api/v1/services/" + slug).then().statusCode(SC_OK);

        problem(Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Lost update", "team", team, "tier", 2))
                .when().put("/api/v1/services/" + slug).then(), SC_PRECONDITION_FAILED, "stale-version")
                .body("detail", containsString("version 1"));
        Map<String, Object> withBodyVersion = new HashMap<>(Map.of("name", "Lost update", "team", team, "tier", 2));
        withBodyVersion.put("version", 0);
        problem(Api.admin().contentType(ContentType.JSON).body(withBodyVersion)
                .when().put("/api/v1/services/" + slug).then(), SC_PRECONDITION_FAILED, "stale-version");
        problem(Api.admin().header("If-Match", "\"0\"").when().delete("/api/v1/services/" + slug).then(),
                SC_PRECONDITION_FAILED, "stale-version");

        Api.admin().when().get("/api/v1/services/" + slug).then().body("name", equalTo("Renamed"))
                .body("version", equalTo(1));
    }

    @Test
    void the_slug_cannot_change() {
        String team = Fixtures.team();
        String slug = Fixtures.service(team, 2);
        problem(Api.admin().contentType(ContentType.JSON)
                .body(Map.of("slug", unique("other"), "name", "X", "team", team, "tier", 2))
                .when().put("/api/v1/services/" + slug).then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors[0].field", equalTo("slug"));
    }

    @Test
    void a_body_over_the_limit_is_refused_whether_or_not_its_length_is_declared() {
        String huge = "{\"name\": \"" + "a".repeat(1_100_000) + "\"}";
        problem(Api.admin().contentType(ContentType.JSON).body(huge).when().post("/api/v1/services").then(),
                SC_REQUEST_TOO_LONG, "payload-too-large");
        problem(Api.admin().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/services").then(), SC_REQUEST_TOO_LONG, "payload-too-large");
    }

    @Test
    void a_small_body_without_declared_length_is_accepted() {
        String team = Fixtures.team();
        String body = "{\"name\": \"Chunked\", \"team\": \"" + team + "\", \"tier\": 3, \"slug\": \"" + unique("chunked")
                + "\"}";
        Api.admin().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/services")
                .then().statusCode(SC_CREATED).body("name", equalTo("Chunked"));
    }

    @Test
    void other_media_types_and_methods_are_refused_as_problems() {
        problem(Api.admin().contentType(ContentType.TEXT).body("name=x").when().post("/api/v1/services").then(),
                SC_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
        problem(Api.admin().when().patch("/api/v1/services").then(), SC_METHOD_NOT_ALLOWED, "method-not-allowed");
        problem(Api.admin().when().get("/api/v1/no-such-thing").then(), SC_NOT_FOUND, "not-found");
    }

    @Test
    void problems_never_reveal_internals() {
        Api.admin().contentType(ContentType.JSON).body("{\"tier\": [1]}").when().post("/api/v1/services")
                .then().statusCode(SC_BAD_REQUEST)
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")))
                .body(not(containsString("at dev.preflight")));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return Api.admin().contentType(ContentType.JSON).body(body).when().post("/api/v1/services").then();
    }
}
