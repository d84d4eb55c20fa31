package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The check that API fuzzing relies on: it must name what a description does not declare, or the
 * fuzzing would pass whatever Preflight answers.
 */
class OpenApiResponsesTest {

    private static final String DESCRIPTION = """
            {"openapi": "3.1.0", "paths": {"/things/{id}": {
              "get": {"responses": {
                "200": {"headers": {"ETag": {"required": true}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "4XX": {"content": {"application/problem+json": {
                  "schema": {"$ref": "#/components/schemas/Problem"}}}}}},
              "delete": {"responses": {"204": {"description": "Gone"},
                "default": {"content": {"application/problem+json": {}}}}}}},
             "components": {"schemas": {
              "Thing": {"type": "object", "properties": {"id": {"type": "integer"},
                "note": {"type": ["string", "null"]},
                "seenAt": {"type": "string", "format": "date-time"}}},
              "Problem": {"type": "object", "properties": {"status": {"type": "integer"}}, "required": ["status"]}}}}
            """;

    private static final UnaryOperator<String> NO_HEADERS = name -> null;
    private static final UnaryOperator<String> TAGGED = name -> name.equals("ETag") ? "\"1\"" : null;

    private final OpenApiResponses declared = new OpenApiResponses(DESCRIPTION);

    @Test
    void an_answer_as_described_passes() {
        assertThat(declared.violations("GET", "/things/{id}", 200, "application/json;charset=UTF-8", TAGGED,
                "{\"id\": 1, \"note\": null, \"seenAt\": \"2026-12-01T10:00:00Z\"}")).isEmpty();
        assertThat(declared.violations("GET", "/things/{id}", 404, "application/problem+json", NO_HEADERS, "{\"status\": 404}"))
                .as("a range").isEmpty();
        assertThat(declared.violations("DELETE", "/things/{id}", 204, null, NO_HEADERS, "")).isEmpty();
        assertThat(declared.violations("DELETE", "/things/{id}", 409, "application/problem+json", NO_HEADERS, "{}"))
                .as("the default, without a schema").isEmpty();
    }

    @Test
    void a_status_or_content_type_that_is_not_declared_is_named() {
        assertThat(declared.violations("GET", "/things/{id}", 500, "application/problem+json", NO_HEADERS, "{\"status\": 500}"))
                .containsExactly("status 500 is not declared (declared: 200, 4XX)");
        assertThat(declared.violations("GET", "/things/{id}", 200, "text/html", TAGGED, "<p>"))
                .containsExactly("Content-Type 'text/html' is not declared for status 200 "
                        + "(declared: application/json)");
        assertThat(declared.violations("DELETE", "/things/{id}", 204, "application/json", NO_HEADERS, "{}"))
                .containsExactly("a body came with status 204, which is declared without content");
    }

    @Test
    void a_required_header_that_is_missing_is_named() {
        assertThat(declared.violations("GET", "/things/{id}", 200, "application/json", NO_HEADERS, "{\"id\": 1}"))
                .containsExactly("the required header ETag is missing");
    }

    @Test
    void a_body_that_breaks_its_schema_is_named_by_where() {
        assertThat(declared.violations("GET", "/things/{id}", 200, "application/json", TAGGED,
                "{\"id\": \"one\", \"note\": 2, \"seenAt\": \"yesterday\"}"))
                .hasSize(3).anyMatch(violation -> violation.startsWith("/id does not conform"))
                .anyMatch(violation -> violation.startsWith("/note does not conform"))
                .anyMatch(violation -> violation.startsWith("/seenAt does not conform"));
        assertThat(declared.violations("GET", "/things/{id}", 400, "application/problem+json", NO_HEADERS, "{}"))
                .singleElement().asString().startsWith("the body does not conform").contains("status");
        assertThat(declared.violations("GET", "/things/{id}", 200, "application/json", TAGGED, "{\"id\": "))
                .containsExactly("the body is not JSON");
    }
}
