package dev.preflight.platform;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Behind a TLS-terminating proxy, configured as the README says, responses to https requests carry HSTS. */
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
}
