package dev.preflight;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.ValidatableResponse;

/** What every error response of the API must look like: RFC 9457 problem+json with a request id. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.log().ifValidationFails()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/" + type))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", allOf(notNullValue(), not(is(""))))
                .body("requestId", notNullValue());
    }
}
