package dev.preflight;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to the JSON API with a bearer token. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification admin() {
        return as(TestApplication.ADMIN_TOKEN);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
