package dev.preflight.identity;

import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

@QuarkusTest
class AdminPagesTest {

    @Test
    void an_admin_creates_a_user_who_can_sign_in_with_the_password_shown_once() {
        String team = Fixtures.team();
        String username = Fixtures.unique("new");
        Response created = Browser.admin().post("/admin/users", Map.of("username", username,
                "displayName", "New Person", "email", "new@example.com", "role", "engineer", "teams", team));
        created.then().statusCode(SC_OK);
        Document page = Html.parse(created);
        assertThat(Html.text(page, "[role=status]")).contains(username);
        String password = page.select("#generated-password").attr("value");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        Browser person = Browser.signIn(username, password);
        Document account = person.get("/account", SC_OK);
        assertThat(Html.text(account, "dl.facts")).contains("engineer", team);
    }

    @Test
    void an_admin_changes_role_and_status_resets_passwords_and_revokes_tokens() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Browser admin = Browser.admin();
        Document page = admin.get("/admin/users/" + user.username(), SC_OK);
        assertThat(page.select("main form[action$=/revoke]")).hasSize(2);

        admin.post("/admin/users/" + user.username(), Map.of("displayName", "Promoted", "role", "approver",
                "enabled", "on", "version", page.select("input[name=version]").attr("value")))
                .then().statusCode(SC_SEE_OTHER);
        Api.admin().when().get("/api/v1/users/" + user.username()).then().statusCode(SC_OK)
                .body("role", org.hamcrest.Matchers.equalTo("approver"));

        String action = admin.get("/admin/users/" + user.username(), SC_OK).select("main form[action$=/revoke]").first()
                .attr("action");
        admin.post(action, Map.of()).then().statusCode(SC_SEE_OTHER);
        long active = Api.admin().when().get("/api/v1/users/" + user.username() + "/tokens").then().extract()
                .jsonPath().getList("status").stream().filter("active"::equals).count();
        assertThat(active).isEqualTo(1);

        Document reset = Html.parse(admin.post("/admin/users/" + user.username() + "/password", Map.of()));
        assertThat(reset.select("#new-password").attr("value")).hasSizeGreaterThanOrEqualTo(20);
        Browser.signIn(user.username(), reset.select("#new-password").attr("value"));
    }

    @Test
    void the_last_admin_cannot_be_demoted() {
        List<String> admins = Api.admin().queryParam("size", 200).when().get("/api/v1/users").then().extract()
                .jsonPath().getList("items.findAll { it.role == 'admin' && it.enabled }.username");
        for (String other : admins.stream().filter(u -> !u.equals("admin")).toList()) {
            Api.admin().contentType("application/json").body(Map.of("displayName", other, "role", "viewer"))
                    .when().put("/api/v1/users/" + other).then().statusCode(SC_OK);
        }
        Api.admin().contentType("application/json").body(Map.of("displayName", "Administrator", "role", "viewer"))
                .when().put("/api/v1/users/admin").then().statusCode(409);
        Api.admin().when().get("/api/v1/me").then().statusCode(SC_OK).body("role", org.hamcrest.Matchers.equalTo("admin"));
    }

    @Test
    void a_disabled_user_cannot_sign_in() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Browser admin = Browser.admin();
        String version = admin.get("/admin/users/" + user.username(), SC_OK).select("input[name=version]").attr("value");
        admin.post("/admin/users/" + user.username(), Map.of("displayName", "Off", "role", "viewer", "version", version))
                .then().statusCode(SC_SEE_OTHER);
        Api.as(user.writeToken()).when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> user.browser())).hasMessageContaining("401");
    }
}
