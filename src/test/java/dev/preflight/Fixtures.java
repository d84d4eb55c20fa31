package dev.preflight;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Builds the data a test needs through the public API, with names no other test uses. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A slug that no other test (or earlier run against a kept database) has used. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String team() {
        String slug = unique("team");
        given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Team " + slug))
                .when().post("/api/v1/teams")
                .then().statusCode(201);
        return slug;
    }

    public static String service(String team, int tier) {
        String slug = unique("svc");
        given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Service " + slug, "team", team, "tier", tier))
                .when().post("/api/v1/services")
                .then().statusCode(201);
        return slug;
    }
}
