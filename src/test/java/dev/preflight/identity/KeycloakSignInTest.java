package dev.preflight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;

/**
 * Preflight in OpenID Connect mode against a real Keycloak: a person signs in through the browser
 * code flow (with PKCE), a CI job calls the API with a client-credentials token, and both become
 * Preflight users with the role and team their provider gives them.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakServer.class, restrictToAnnotatedClass = true)
@EnabledIf(value = "dev.preflight.identity.KeycloakServer#available",
        disabledReason = "Keycloak cannot run here: it needs a JDK 21+ (KEYCLOAK_JAVA_HOME or /usr/lib/jvm) and its "
                + "distribution, which ./mvnw verify fetches")
class KeycloakSignInTest {

    @BeforeEach
    void paymentsTeamExists() {
        if (Api.admin().when().get("/api/v1/teams/payments").statusCode() == 404) {
            Api.admin().contentType(ContentType.JSON).body(Map.of("slug", "payments", "name", "Payments"))
                    .when().post("/api/v1/teams").then().statusCode(201);
        }
    }

    @Test
    void a_person_signs_in_through_the_provider_and_lands_where_they_were_going()
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String app = System.getProperty(KeycloakServer.APP_URL);

        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(app + "/services"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.uri().toString()).startsWith(System.getProperty(KeycloakServer.URL))
                .contains("code_challenge=").contains("code_challenge_method=S256");
        Document form = Jsoup.parse(loginPage.body(), loginPage.uri().toString());
        String action = form.select("form#kc-form-login").attr("abs:action");

        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", KeycloakServer.USER,
                        "password", System.getProperty(KeycloakServer.USER_PASSWORD)))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/services");
        Document page = Jsoup.parse(landed.body());
        assertThat(page.select(".account a[href=/account]").text()).contains("Alice Approver").contains("approver");

        Api.admin().when().get("/api/v1/users/" + KeycloakServer.USER).then().statusCode(200)
                .body("role", equalTo("approver"))
                .body("teams", equalTo(List.of("payments")))
                .body("local", equalTo(false));
    }

    @Test
    void a_ci_job_calls_the_api_with_a_client_credentials_token() throws IOException, InterruptedException {
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                System.getProperty(KeycloakServer.URL) + "/realms/preflight/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials",
                        "client_id", "preflight-ci", "client_secret", System.getProperty(KeycloakServer.CI_SECRET)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = io.restassured.path.json.JsonPath.from(token.body()).getString("access_token");

        Api.as(accessToken).when().get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("service-account-preflight-ci"))
                .body("role", equalTo("engineer"))
                .body("teams", equalTo(List.of("payments")))
                .body("via", equalTo("api"));
        Api.as(accessToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Built by CI " + System.nanoTime(), "team", "payments", "tier", 3))
                .when().post("/api/v1/services").then().statusCode(201);
        Api.as(accessToken + "tampered").when().get("/api/v1/me").then().statusCode(401);
    }

    /**
     * Cookies as a browser keeps them for http://localhost, which browsers treat as a secure context:
     * cookies marked Secure (Keycloak's session cookies) are sent back. Java's cookie manager alone
     * would keep them to https.
     */
    static final class LocalhostCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(secure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(secure(uri), headers);
        }

        private static URI secure(URI uri) {
            return "localhost".equals(uri.getHost()) ? URI.create(uri.toString().replaceFirst("^http:", "https:")) : uri;
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
