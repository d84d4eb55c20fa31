package dev.preflight.identity;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Fixtures;
import dev.preflight.ProblemAssertions;

/**
 * Failed token attempts and sign-ins are throttled per client address (behind a proxy, the address
 * it forwards). Each test plays a client address of its own.
 */
@QuarkusTest
@TestProfile(ThrottleTest.RealLimits.class)
class ThrottleTest {

    public static class RealLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("preflight.auth.token.max-failures", "20",
                    "preflight.auth.login-address.max-failures", "20",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    /** Every request of this class, fixtures included, comes from an address no other test used. */
    @BeforeEach
    void ownAddress() {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-Forwarded-For", randomAddress())
                .setConfig(RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                        .overwriteHeadersWithName("X-Forwarded-For")))
                .build();
    }

    @AfterEach
    void sharedAddress() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void twenty_failed_tokens_from_one_address_block_it_and_not_others() {
        String address = randomAddress();
        Fixtures.TestUser user = Fixtures.user("viewer");
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", address).auth().oauth2("pf_" + "x".repeat(40) + i)
                    .when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        }
        Response blocked = given().header("X-Forwarded-For", address).auth().oauth2(user.writeToken())
                .when().get("/api/v1/me");
        ProblemAssertions.problem(blocked.then(), 429, "too-many-requests");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 300L);

        given().header("X-Forwarded-For", randomAddress()).auth().oauth2(user.writeToken())
                .when().get("/api/v1/me").then().statusCode(SC_OK);
    }

    @Test
    void twenty_failed_sign_ins_from_one_address_block_it_across_accounts() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        String address = randomAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(address, Fixtures.unique("guess"), "wrong").statusCode()).isEqualTo(SC_UNAUTHORIZED);
        }
        assertThat(signIn(address, user.username(), user.password()).statusCode()).isEqualTo(429);
        assertThat(signIn(randomAddress(), user.username(), user.password()).statusCode()).isEqualTo(303);
    }

    private static Response signIn(String address, String username, String password) {
        Response form = given().header("X-Forwarded-For", address).when().get("/login");
        String token = Jsoup.parse(form.asString()).select("input[name=_csrf]").attr("value");
        return given().header("X-Forwarded-For", address).redirects().follow(false).cookies(form.getCookies())
                .contentType(ContentType.URLENC)
                .formParams(Map.of("username", username, "password", password, "_csrf", token))
                .when().post("/login");
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
