package dev.preflight.identity;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.ProblemAssertions;

@QuarkusTest
class ApiTokenTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_token_is_shown_once_and_stored_only_as_a_hash() throws SQLException {
        Browser browser = Fixtures.user("engineer").browser();
        Response created = browser.api().contentType(ContentType.JSON)
                .body(Map.of("name", "deploy", "scopes", List.of("read", "write"),
                        "expiresOn", LocalDate.now().plusDays(30).toString()))
                .when().post("/api/v1/tokens");
        created.then().statusCode(SC_CREATED).body("token.status", equalTo("active"))
                .body("token.scopes", equalTo(List.of("read", "write")));
        String secret = created.path("secret");
        assertThat(secret).matches("pf_[A-Za-z0-9_-]{43}");

        browser.api().when().get("/api/v1/tokens").then().statusCode(SC_OK)
                .body("find { it.name == 'deploy' }.prefix", equalTo(secret.substring(0, 10)))
                .body("find { it.name == 'deploy' }.secret", equalTo(null))
                .body(not(org.hamcrest.Matchers.containsString(secret)));

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT secret_hash FROM api_token WHERE prefix = ?")) {
            s.setString(1, secret.substring(0, 10));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(Secrets.sha256(secret)).doesNotContain(secret.substring(3));
            }
        }
        Api.as(secret).when().get("/api/v1/me").then().statusCode(SC_OK).body("via", equalTo("token:deploy"));
        Api.as(secret).when().get("/api/v1/tokens").then().body("find { it.name == 'deploy' }.lastUsedAt",
                notNullValue());
    }

    @Test
    void revocation_takes_effect_on_the_next_request() {
        Fixtures.TestUser user = Fixtures.user("engineer");
        Api.as(user.writeToken()).when().get("/api/v1/me").then().statusCode(SC_OK);
        long id = ((Number) Api.as(user.writeToken()).when().get("/api/v1/tokens").then().extract()
                .jsonPath().getList("findAll { it.prefix == '" + user.writeToken().substring(0, 10) + "' }.id")
                .get(0)).longValue();
        Api.as(user.writeToken()).when().delete("/api/v1/tokens/" + id).then().statusCode(SC_OK)
                .body("status", equalTo("revoked"));
        ProblemAssertions.problem(Api.as(user.writeToken()).when().get("/api/v1/me").then(), SC_UNAUTHORIZED,
                "unauthorized");
    }

    @Test
    void a_read_token_reads_but_may_not_write() {
        String team = Fixtures.team();
        Fixtures.TestUser user = Fixtures.user("engineer", team);
        Api.as(user.readToken()).when().get("/api/v1/services").then().statusCode(SC_OK);
        ProblemAssertions.problem(Api.as(user.readToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Nope", "team", team, "tier", 2)).when().post("/api/v1/services").then(),
                SC_FORBIDDEN, "forbidden");
        ProblemAssertions.problem(Api.as(user.readToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "escalate", "scopes", List.of("read", "write"))).when().post("/api/v1/tokens")
                .then(), SC_FORBIDDEN, "forbidden");
        Api.as(user.writeToken()).contentType(ContentType.JSON).body(Map.of("name", "Yes", "team", team, "tier", 2))
                .when().post("/api/v1/services").then().statusCode(SC_CREATED);
    }

    @Test
    void an_admins_read_token_reads_the_user_list_and_the_audit_log_but_changes_nothing() {
        Fixtures.TestUser admin = Fixtures.user("admin");
        Api.as(admin.readToken()).when().get("/api/v1/users").then().statusCode(SC_OK);
        Api.as(admin.readToken()).when().get("/api/v1/users/" + admin.username()).then().statusCode(SC_OK);
        Api.as(admin.readToken()).when().get("/api/v1/audit").then().statusCode(SC_OK);
        Api.as(admin.readToken()).when().get("/api/v1/audit/verify").then().statusCode(SC_OK);
        Api.as(admin.readToken()).contentType(ContentType.JSON)
                .body(Map.of("username", Fixtures.unique("user"), "displayName", "No", "role", "viewer"))
                .when().post("/api/v1/users").then().statusCode(SC_FORBIDDEN);
        Fixtures.TestUser approver = Fixtures.user("approver");
        Api.as(approver.writeToken()).when().get("/api/v1/users").then().statusCode(SC_FORBIDDEN);
        Api.as(approver.writeToken()).when().get("/api/v1/audit").then().statusCode(SC_FORBIDDEN);
    }

    @Test
    void a_token_in_the_address_is_never_read() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        given().queryParam("access_token", user.writeToken()).when().get("/api/v1/me").then()
                .statusCode(SC_UNAUTHORIZED);
        given().queryParam("token", user.writeToken()).when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
    }

    @Test
    void an_unknown_or_malformed_token_is_unauthorized() {
        for (String token : List.of("pf_" + "A".repeat(43), "pf_short", "not-a-pf-token")) {
            ProblemAssertions.problem(Api.as(token).when().get("/api/v1/me").then(), SC_UNAUTHORIZED, "unauthorized")
                    .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        }
    }

    @Test
    void bad_token_requests_name_the_field() {
        Browser browser = Fixtures.user("viewer").browser();
        ProblemAssertions.problem(browser.api().contentType(ContentType.JSON)
                .body(Map.of("name", "", "scopes", List.of("admin"), "expiresOn", "2001-01-01"))
                .when().post("/api/v1/tokens").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", equalTo(List.of("expiresOn", "name", "scopes")));
    }

    @Test
    void a_last_day_beyond_any_calendar_is_refused_by_the_api_and_the_form() {
        Browser browser = Fixtures.user("viewer").browser();
        for (String day : List.of("+999999999-12-31", "9999-12-31", "+10000-01-01")) {
            ProblemAssertions.problem(browser.api().contentType(ContentType.JSON)
                    .body(Map.of("name", Fixtures.unique("far"), "expiresOn", day))
                    .when().post("/api/v1/tokens").then(), SC_BAD_REQUEST, "invalid-input")
                    .body("errors.field", equalTo(List.of("expiresOn")));
            Response page = browser.post("/settings/tokens", Map.of("name", Fixtures.unique("far"), "expiresOn", day));
            assertThat(page.statusCode()).as(day).isEqualTo(SC_BAD_REQUEST);
            assertThat(dev.preflight.Html.parse(page).select("#new-token")).isEmpty();
        }
        browser.api().contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("far"), "expiresOn", "9999-12-30"))
                .when().post("/api/v1/tokens").then().statusCode(201);
    }

    @Test
    void tokens_are_created_and_revoked_from_the_settings_page() {
        Browser browser = Fixtures.user("engineer").browser();
        Response page = browser.post("/settings/tokens", Map.of("name", "from the page", "write", "on"));
        page.then().statusCode(SC_OK);
        String secret = dev.preflight.Html.parse(page).select("#new-token").attr("value");
        assertThat(secret).startsWith("pf_");
        Api.as(secret).when().get("/api/v1/me").then().statusCode(SC_OK).body("canWrite", equalTo(true));
    }
}
