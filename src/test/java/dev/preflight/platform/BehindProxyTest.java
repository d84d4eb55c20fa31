package dev.preflight.platform;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Fixtures;

/**
 * Behind a TLS-terminating proxy, configured as the README says, responses to https requests carry
 * HSTS and the session cookie takes the {@code __Host-} prefix.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.Proxy.class)
class BehindProxyTest {

    public static class Proxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void https_requests_get_strict_transport_security() {
        given().header("X-Forwarded-Proto", "https").when().get("/login")
                .then().statusCode(SC_OK).header("Strict-Transport-Security", containsString("max-age="));
        given().header("X-Forwarded-Proto", "http").when().get("/login")
                .then().statusCode(SC_OK).header("Strict-Transport-Security", nullValue());
    }

    @Test
    void over_https_the_session_cookie_is_secure_and_only_this_host_may_set_it() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Response form = given().header("X-Forwarded-Proto", "https").when().get("/login");
        String token = Jsoup.parse(form.asString()).select("input[name=_csrf]").attr("value");
        Response signedIn = given().header("X-Forwarded-Proto", "https").redirects().follow(false)
                .cookies(form.getCookies()).contentType(ContentType.URLENC)
                .formParams(Map.of("username", user.username(), "password", user.password(), "_csrf", token))
                .when().post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-pf_session=")).findFirst().orElseThrow();
        assertThat(setCookie.toLowerCase()).contains("secure", "httponly", "path=/").doesNotContain("domain");
        String secret = signedIn.getCookie("__Host-pf_session");

        given().header("X-Forwarded-Proto", "https").cookie("__Host-pf_session", secret).when().get("/api/v1/me")
                .then().statusCode(SC_OK).header("Cache-Control", "no-store");
        given().header("X-Forwarded-Proto", "https").cookie("pf_session", secret).when().get("/api/v1/me")
                .then().statusCode(401);
    }
}
