package dev.preflight;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the JSON API with a bearer token. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification admin() {
        return as(TestApplication.ADMIN_TOKEN);
    }

    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    /** A request without credentials (that sends template files as text, like the others). */
    public static RequestSpecification anonymous() {
        return given().config(TEXT_BODIES);
    }

    /** Template files are sent as text: YAML and Markdown bodies go out as they are written. */
    private static final RestAssuredConfig TEXT_BODIES = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/yaml", ContentType.TEXT)
            .encodeContentTypeAs("text/markdown", ContentType.TEXT));
}
