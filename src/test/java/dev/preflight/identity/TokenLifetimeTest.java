package dev.preflight.identity;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.preflight.Browser;
import dev.preflight.Fixtures;

/** With a longest token lifetime configured, every new token must end within it, and the form says so. */
@QuarkusTest
@TestProfile(TokenLifetimeTest.ThirtyDays.class)
class TokenLifetimeTest {

    public static class ThirtyDays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("preflight.auth.token-max-days", "30");
        }
    }

    @Test
    void tokens_must_end_within_the_configured_lifetime() {
        Browser browser = Browser.admin();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        problem(create(browser, null), 400, "invalid-input").body("errors.field", equalTo(List.of("expiresOn")))
                .body("errors[0].message", containsString("at most 30 days"));
        problem(create(browser, today.plusDays(31)), 400, "invalid-input")
                .body("errors[0].message", containsString(today.plusDays(30).toString()));
        create(browser, today.plusDays(30)).statusCode(201);

        Document page = browser.get("/settings/tokens", 200);
        assertThat(page.select("input[name=expiresOn]").hasAttr("required")).isTrue();
        assertThat(page.text()).contains("tokens last at most 30 days here");
    }

    private static io.restassured.response.ValidatableResponse create(Browser browser, LocalDate expiresOn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", Fixtures.unique("short")));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        return browser.api().contentType(ContentType.JSON).body(body).when().post("/api/v1/tokens").then();
    }
}
