package dev.preflight.identity;

import static dev.preflight.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

@QuarkusTest
class SignInTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anonymous_pages_lead_to_sign_in_and_back() {
        given().redirects().follow(false).accept("text/html").when().get("/services?q=pay")
                .then().statusCode(SC_SEE_OTHER)
                .header("Location", org.hamcrest.Matchers.endsWith("/login?next=%2Fservices%3Fq%3Dpay"));
        Fixtures.TestUser user = Fixtures.user("viewer");
        Response signedIn = signIn(user.username(), user.password(), "/services?q=pay");
        assertThat(signedIn.statusCode()).isEqualTo(SC_SEE_OTHER);
        assertThat(signedIn.header("Location")).endsWith("/services?q=pay");
    }

    @Test
    void a_form_sent_after_the_session_ended_leads_back_to_the_page_it_was_on() {
        given().redirects().follow(false).accept("text/html").header("Referer", "http://localhost/admin/backup?from=menu")
                .contentType(ContentType.URLENC).formParam("_csrf", "from-the-old-session")
                .when().post("/admin/backup/download")
                .then().statusCode(SC_SEE_OTHER)
                .header("Location", org.hamcrest.Matchers.endsWith("/login?next=%2Fadmin%2Fbackup%3Ffrom%3Dmenu"));
        given().redirects().follow(false).accept("text/html").contentType(ContentType.URLENC)
                .formParam("_csrf", "from-the-old-session").when().post("/admin/backup/download")
                .then().statusCode(SC_SEE_OTHER).header("Location", org.hamcrest.Matchers.endsWith("/login"));
    }

    @Test
    void the_session_cookie_is_fresh_http_only_and_same_site() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Response signedIn = signIn(user.username(), user.password(), "/");
        String cookie = signedIn.getDetailedCookie("pf_session").toString();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(signedIn.getCookie("pf_session")).isNotEqualTo("planted-by-someone-else");
    }

    @Test
    void a_wrong_password_and_an_unknown_account_get_the_same_answer() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Response wrong = signIn(user.username(), "not-the-password", "/");
        Response unknown = signIn(Fixtures.unique("nobody"), "not-the-password", "/");
        assertThat(wrong.statusCode()).isEqualTo(SC_UNAUTHORIZED);
        assertThat(unknown.statusCode()).isEqualTo(SC_UNAUTHORIZED);
        String message = Html.text(Jsoup.parse(wrong.asString()), "#sign-in-error");
        assertThat(message).isEqualTo("The user name or the password is wrong.");
        assertThat(Html.text(Jsoup.parse(unknown.asString()), "#sign-in-error")).isEqualTo(message);
    }

    @Test
    void five_failures_hold_the_account_back_from_that_address_even_for_the_right_password() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user.username(), "wrong-" + i, "/").statusCode()).isEqualTo(SC_UNAUTHORIZED);
        }
        Response locked = signIn(user.username(), user.password(), "/");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(Html.text(Jsoup.parse(locked.asString()), "#sign-in-error"))
                .contains("Too many wrong passwords for this account from your address");
    }

    @Test
    void signing_out_ends_the_session_for_every_copy_of_the_cookie() {
        Fixtures.TestUser user = Fixtures.user("engineer");
        Browser browser = user.browser();
        String copy = browser.sessionCookie();
        browser.get("/services", SC_OK);

        browser.post("/logout", Map.of()).then().statusCode(SC_SEE_OTHER)
                .header("Location", org.hamcrest.Matchers.endsWith("/login?notice=signed-out"));

        given().redirects().follow(false).cookie("pf_session", copy).accept("text/html").when().get("/services")
                .then().statusCode(SC_SEE_OTHER);
        given().cookie("pf_session", copy).when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
    }

    @Test
    void sessions_end_after_the_idle_and_the_absolute_timeout() throws SQLException {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Browser idle = user.browser();
        Browser old = user.browser();
        sql("UPDATE user_session SET last_seen_at = now() - interval '3 hours' WHERE secret_hash = ?",
                idle.sessionCookie());
        sql("UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE secret_hash = ?",
                old.sessionCookie());
        idle.request().when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        old.request().when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        user.browser().request().when().get("/api/v1/me").then().statusCode(SC_OK);
    }

    @Test
    void disabling_a_user_ends_their_sessions_and_stops_their_tokens() {
        Fixtures.TestUser user = Fixtures.user("engineer");
        Browser browser = user.browser();
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("displayName", "Gone", "role", "engineer", "enabled", false))
                .when().put("/api/v1/users/" + user.username()).then().statusCode(SC_OK);
        browser.request().when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        Api.as(user.writeToken()).when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        assertThat(signIn(user.username(), user.password(), "/").statusCode()).isEqualTo(SC_UNAUTHORIZED);
    }

    @Test
    void a_return_address_no_browser_could_follow_is_refused_before_anyone_is_signed_in() throws SQLException {
        Fixtures.TestUser user = Fixtures.user("viewer");
        long signedIn = auditActions(user.username()).stream().filter("auth.login.success"::equals).count();
        for (String next : List.of("/ /x", "/%zz", "/a\tb", "/é è")) {
            Response refused = signIn(user.username(), user.password(), next);
            assertThat(refused.statusCode()).as(next).isEqualTo(SC_BAD_REQUEST);
            assertThat(refused.getCookie("pf_session")).as(next).isNullOrEmpty();
            assertThat(Jsoup.parse(refused.asString()).text()).contains("you were not signed in");
        }
        assertThat(auditActions(user.username()).stream().filter("auth.login.success"::equals).count())
                .isEqualTo(signedIn);
        String form = given().queryParam("next", "/ /x").when().get("/login").then().statusCode(SC_OK).extract()
                .asString();
        assertThat(Jsoup.parse(form).select("input[name=next]").attr("value")).isEqualTo("/");
    }

    @Test
    void a_common_password_is_refused_wherever_a_password_is_set() {
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("username", Fixtures.unique("user"),
                "displayName", "Common", "role", "viewer", "password", "qwerty123456")).when().post("/api/v1/users")
                .then(), SC_BAD_REQUEST, "invalid-input").body("errors[0].field", equalTo("password"))
                .body("errors[0].message", containsString("most common passwords"));
        Fixtures.TestUser user = Fixtures.user("viewer");
        Response page = user.browser().post("/account/password", Map.of("currentPassword", user.password(),
                "newPassword", "1qaz2wsx3edc"));
        assertThat(page.statusCode()).isEqualTo(SC_BAD_REQUEST);
        assertThat(Jsoup.parse(page.asString()).text()).contains("most common passwords");
    }

    @Test
    void the_return_address_after_sign_in_stays_on_this_site() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        for (String next : List.of("//evil.example", "https://evil.example/x", "/\\evil.example", "javascript:alert(1)")) {
            assertThat(signIn(user.username(), user.password(), next).header("Location")).endsWith("/");
        }
    }

    @Test
    void the_sign_in_form_needs_its_own_token() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("username", user.username(), "password", user.password()))
                .when().post("/login").then().statusCode(SC_FORBIDDEN);
    }

    @Test
    void people_change_their_own_password_and_admins_reset_it() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Browser browser = user.browser();
        String newPassword = "a much longer passphrase";
        browser.post("/account/password", Map.of("currentPassword", "wrong", "newPassword", newPassword))
                .then().statusCode(400);
        browser.post("/account/password", Map.of("currentPassword", user.password(), "newPassword", newPassword))
                .then().statusCode(SC_SEE_OTHER);
        assertThat(signIn(user.username(), newPassword, "/").statusCode()).isEqualTo(SC_SEE_OTHER);

        String generated = Api.admin().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/users/" + user.username() + "/password")
                .then().statusCode(SC_OK).extract().path("generatedPassword");
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        browser.request().when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        assertThat(signIn(user.username(), generated, "/").statusCode()).isEqualTo(SC_SEE_OTHER);
    }

    @Test
    void sign_ins_sign_outs_and_failures_are_audited() throws SQLException {
        Fixtures.TestUser user = Fixtures.user("viewer");
        signIn(user.username(), "wrong password!", "/");
        user.browser().post("/logout", Map.of());
        assertThat(auditActions(user.username())).contains("auth.login.failure", "auth.login.success", "auth.logout");
    }

    @Test
    void the_audit_log_cannot_be_changed_through_the_database_role_of_the_application() {
        Fixtures.team();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> sql("UPDATE audit_event SET actor = ?",
                "someone-else"))).isInstanceOf(SQLException.class).hasMessageContaining("cannot be changed");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> sql("DELETE FROM audit_event WHERE actor <> ?",
                ""))).isInstanceOf(SQLException.class);
    }

    private static Response signIn(String username, String password, String next) {
        Response form = given().when().get("/login");
        String token = Jsoup.parse(form.asString()).select("input[name=_csrf]").attr("value");
        return given().redirects().follow(false).cookies(form.getCookies()).cookie("pf_session", "planted-by-someone-else")
                .contentType(ContentType.URLENC)
                .formParams(Map.of("username", username, "password", password, "_csrf", token, "next", next))
                .when().post("/login");
    }

    private List<String> auditActions(String username) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT action FROM audit_event WHERE target_type = 'user' "
                        + "AND target_id = ? ORDER BY id")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    /** Runs a statement with one parameter; a session cookie parameter is turned into its stored hash. */
    private void sql(String statement, String parameter) throws SQLException {
        String value = statement.contains("secret_hash") ? Secrets.sha256(parameter) : parameter;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, value);
            s.executeUpdate();
        }
    }
}
