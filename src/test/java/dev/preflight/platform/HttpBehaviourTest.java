package dev.preflight.platform;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.TestApplication;
import dev.preflight.Browser;

@QuarkusTest
class HttpBehaviourTest {

    @Test
    void every_response_carries_the_security_headers() {
        for (String path : List.of("/login", "/services", "/api/v1/services", "/css/preflight.css",
                "/no-such-page", "/api/v1/no-such-thing")) {
            securityHeaders(given().when().get(path).then());
        }
        securityHeaders(given().accept("text/html").when().get("/no-such-page").then().statusCode(SC_NOT_FOUND)
                .body(containsString("Not found")));
    }

    @Test
    void hsts_is_sent_only_over_https() {
        given().when().get("/login").then().header("Strict-Transport-Security", nullValue());
    }

    @Test
    void a_well_formed_request_id_is_echoed_and_reaches_the_problem() {
        Api.admin().header("X-Request-Id", "deploy-42.abc")
                .when().get("/api/v1/services/no-such-service")
                .then().statusCode(SC_NOT_FOUND)
                .header("X-Request-Id", "deploy-42.abc")
                .body("requestId", equalTo("deploy-42.abc"));
    }

    @Test
    void a_missing_or_malformed_request_id_is_replaced_by_a_generated_one() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        given().when().get("/api/v1/services").then().header("X-Request-Id", matchesPattern(uuid));
        given().header("X-Request-Id", "bad id\twith <script>").when().get("/api/v1/services")
                .then().header("X-Request-Id", matchesPattern(uuid));
        given().header("X-Request-Id", "x".repeat(200)).when().get("/api/v1/services")
                .then().header("X-Request-Id", matchesPattern(uuid));
    }

    @Test
    void browsers_get_an_error_page_and_scripts_get_a_problem() {
        Browser.admin().request().accept("text/html").when().get("/services/no-such-service")
                .then().statusCode(SC_NOT_FOUND)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("There is no service"));
        Api.admin().when().get("/services/no-such-service")
                .then().statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
    }

    @Test
    void problem_types_explain_themselves() {
        given().when().get("/problems/stale-version")
                .then().statusCode(SC_OK).body(containsString("Stale version"));
        given().when().get("/problems").then().statusCode(SC_OK).body(containsString("payload-too-large"));
        given().accept("text/html").when().get("/problems/nonsense").then().statusCode(SC_NOT_FOUND);
    }

    @Test
    void health_and_metrics_are_served_on_the_management_port_and_the_api_description_on_the_public_one() {
        TestApplication.management().when().get("/q/health/live").then().statusCode(SC_OK).body("status", equalTo("UP"));
        TestApplication.management().when().get("/q/health/ready").then().statusCode(SC_OK).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("Database connections health check",
                        "database-answers"));
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/health/group/scheduled")) {
            given().when().get(path).then().statusCode(SC_NOT_FOUND);
        }
        Api.admin().when().get("/api/v1/services");
        TestApplication.management().when().get("/q/metrics").then().statusCode(SC_OK)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("agroal_"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(SC_OK)
                .body("paths", hasKey("/api/v1/services/{slug}"))
                .body("paths", not(hasKey("/services")))
                .body("components.schemas", hasKey("Problem"))
                .body("paths.'/api/v1/services'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/services'.post.responses.'400'.content", hasKey("application/problem+json"))
                .body("components.schemas.Lifecycle.enum", contains("planned", "launching", "production", "retired"))
                .body("components.schemas.Severity.enum", contains("blocker", "major", "minor"))
                .body("paths.'/api/v1/services/{slug}'.get.responses.'200'.headers.ETag.required", equalTo(true))
                .body("paths.'/api/v1/templates/{slug}/versions/{number}'.get.responses.'200'.headers", hasKey("ETag"))
                .body("paths.'/api/v1/services'.get.responses.'200'.headers", nullValue());
    }

    @Test
    void htmx_is_served_from_the_application() {
        String page = given().when().get("/login").then().statusCode(SC_OK).extract().asString();
        String script = page.replaceAll("(?s).*<script src=\"(/webjars/htmx[^\"]+)\".*", "$1");
        given().when().get(script).then().statusCode(SC_OK).body(containsString("htmx"))
                .header("Cache-Control", not(containsString("no-store")));
        given().when().get("/css/preflight.css").then().statusCode(SC_OK)
                .header("Cache-Control", not(containsString("no-store")));
    }

    private static void securityHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "DENY")
                .header("Server", nullValue())
                .header("X-Request-Id", not(equalTo("")));
    }
}
