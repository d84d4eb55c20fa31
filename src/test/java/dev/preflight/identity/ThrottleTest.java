package dev.preflight.identity;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

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

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.ProblemAssertions;

/**
 * Guessing is held back without locking anyone out: per account and address together for
 * passwords, per address for unknown tokens; a correct password or a valid token is never refused
 * because of someone else's failures, and attacks are reported. Each test plays client addresses of
 * its own (behind a proxy, the address it forwards).
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
    void unknown_tokens_from_one_address_are_held_back_but_a_valid_token_from_it_never() {
        String address = randomAddress();
        Fixtures.TestUser user = Fixtures.user("viewer");
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", address).auth().oauth2("pf_" + "x".repeat(40) + i)
                    .when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        }
        Response held = given().header("X-Forwarded-For", address).auth().oauth2("pf_" + "y".repeat(40))
                .when().get("/api/v1/me");
        ProblemAssertions.problem(held.then(), 429, "too-many-requests");
        assertThat(Long.parseLong(held.header("Retry-After"))).isBetween(1L, 300L);

        given().header("X-Forwarded-For", address).auth().oauth2(user.writeToken())
                .when().get("/api/v1/me").then().statusCode(SC_OK);
        Api.admin().queryParam("action", "auth.attack.token").when().get("/api/v1/audit").then().statusCode(SC_OK)
                .body("items.targetId", hasItem(address));
    }

    @Test
    void thirty_guesses_on_one_account_from_one_address_are_held_back_while_its_owner_signs_in_elsewhere() {
        Fixtures.TestUser owner = Fixtures.user("viewer");
        String attacker = randomAddress();
        int checked = 0;
        int held = 0;
        for (int i = 0; i < 30; i++) {
            int status = signIn(attacker, owner.username(), "guess-" + i).statusCode();
            assertThat(status).isIn(SC_UNAUTHORIZED, 429);
            checked += status == SC_UNAUTHORIZED ? 1 : 0;
            held += status == 429 ? 1 : 0;
        }
        System.out.printf("Throttle: of 30 guesses on one account from one address, %d were checked, %d held back%n",
                checked, held);
        assertThat(checked).as("guesses whose password was checked").isBetween(5, 10);
        // At once, while the last wait runs (it doubles with each guess checked, so it is the longest yet).
        Response stillHeld = signIn(attacker, owner.username(), owner.password());
        assertThat(stillHeld.statusCode()).as("the attacker's address, even with the right password").isEqualTo(429);
        assertThat(stillHeld.asString()).contains("Too many wrong passwords for this account from your address");

        assertThat(signIn(randomAddress(), owner.username(), owner.password()).statusCode())
                .as("the owner, from another address, during the attack").isEqualTo(303);
        Fixtures.TestUser neighbour = Fixtures.user("viewer");
        assertThat(signIn(attacker, neighbour.username(), neighbour.password()).statusCode())
                .as("another account from the attacker's address").isEqualTo(303);
        Api.admin().queryParam("action", "auth.attack.account").when().get("/api/v1/audit").then()
                .statusCode(SC_OK).body("items.targetId", hasItem(owner.username()));
    }

    @Test
    void twenty_failed_sign_ins_from_one_address_refuse_nobody_there_and_are_reported() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        String address = randomAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(address, Fixtures.unique("guess"), "wrong").statusCode()).isEqualTo(SC_UNAUTHORIZED);
        }
        assertThat(signIn(address, user.username(), user.password()).statusCode()).isEqualTo(303);
        Api.admin().queryParam("action", "auth.attack.address").when().get("/api/v1/audit").then()
                .statusCode(SC_OK).body("items.targetId", hasItem(address));
    }

    @Test
    void the_current_password_is_held_back_like_a_sign_in_and_a_new_one_ends_the_other_sessions() {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Browser here = user.browser();
        Browser elsewhere = user.browser();
        for (int i = 0; i < 5; i++) {
            assertThat(here.post("/account/password", Map.of("currentPassword", "wrong-" + i,
                    "newPassword", "a much longer passphrase")).statusCode()).isEqualTo(400);
        }
        Response held = here.post("/account/password", Map.of("currentPassword", user.password(),
                "newPassword", "a much longer passphrase"));
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(held.asString()).text()).contains("Too many wrong passwords");

        ownAddress();
        Browser fresh = Browser.signIn(user.username(), user.password());
        Response changed = fresh.post("/account/password", Map.of("currentPassword", user.password(),
                "newPassword", "a much longer passphrase"));
        assertThat(changed.statusCode()).isEqualTo(303);
        fresh.request().when().get("/api/v1/me").then().statusCode(SC_OK);
        elsewhere.request().when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        here.request().when().get("/api/v1/me").then().statusCode(SC_UNAUTHORIZED);
        given().auth().oauth2(user.readToken()).when().get("/api/v1/me").then().statusCode(SC_OK);
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
