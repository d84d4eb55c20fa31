package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.PropertyCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Requests generated from the API description, valid, boundary and invalid (wrong types, huge and
 * odd strings, nulls, missing and extra fields, bad enums, negative numbers, path traversal), sent by
 * an administrator of its own (so that what it deletes or revokes is its own) to every operation: none may answer 5xx, every error must be a problem, and no
 * body may show a stack trace or the database's own words. The seed is fixed unless
 * {@code -Dseed=} says otherwise ({@code random} for a new one).
 */
@QuarkusTest
class ApiFuzzTest {

    private static final int REQUESTS = 10_000;
    /**
     * The HTTP server refuses a request line over 4 KB itself, before Preflight sees it: 414 with an
     * empty body, or the connection closed while a body is still being sent.
     */
    private static final int URI_TOO_LONG = 414;
    private static final int REQUEST_LINE_LIMIT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.hibernate", "SQLState", "PSQLException",
            "io.quarkus", "java.lang", "ERROR:", "relation \"");

    private final List<Object> oddValues = new ArrayList<>();
    /** Half the requests are hostile (odd values, broken bodies); the others are well-formed. */
    private boolean hostile;

    @Test
    void ten_thousand_generated_requests_get_no_5xx_and_every_error_is_a_problem_without_internals() throws Exception {
        String team = Fixtures.team();
        String service = Fixtures.service(team, 2);
        long launch = Fixtures.launch(service, Fixtures.template(true));
        Fixtures.TestUser fuzzer = Fixtures.user("admin");
        Browser session = fuzzer.browser();
        String token = fuzzer.writeToken();
        int newTokens = 0;
        oddValues.addAll(List.of("", " ", "a", team, service, String.valueOf(launch), "basics.backups", "launch-readiness",
                "../../etc/passwd", "%2e%2e%2f%2e%2e%2f", "..\\\\windows", "' OR 1=1 --", "\"; DROP TABLE team; --",
                "<script>alert(1)</script>", "ü€𝄞 ℵ", "\u0000", "\u202e\u200b", "x".repeat(10_000), "y".repeat(300), 0, -1,
                1, 2, 3, Integer.MAX_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE, 1.5e308, true, false, "true", "null",
                "2026-13-45", "2026-12-01", "P1D", "1 h", List.of(), List.of("x", 1), Map.of(), Map.of("a", "b")));
        oddValues.add(null);

        JsonNode description = JSON.readTree(Api.anonymous().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
        assertThat(operations).hasSizeGreaterThan(50);

        long seed = PropertyCheck.seed();
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int tooLong = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = operations.get(i % operations.size());
            hostile = random.nextBoolean();
            RequestSpecification request = Api.as(token).urlEncodingEnabled(false);
            String path = operation.path();
            int queryLength = 0;
            for (JsonNode parameter : operation.spec().path("parameters")) {
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                Object value = value(random, parameter.path("schema"), description);
                if (in.equals("path")) {
                    path = path.replace("{" + name + "}", encodePath(value == null ? "null" : String.valueOf(value)));
                } else if (in.equals("query") && value != null && random.nextInt(hostile ? 4 : 2) > 0) {
                    String encoded = URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
                    request.queryParam(name, encoded);
                    queryLength += name.length() + encoded.length() + 2;
                } else if (in.equals("header") && value != null && random.nextInt(3) == 0) {
                    request.header(name, ascii(String.valueOf(value)));
                }
            }
            JsonNode body = operation.spec().path("requestBody").path("content");
            if (!body.isMissingNode()) {
                String type = body.fieldNames().next();
                request.contentType(type);
                request.body(bodyText(random, body.path(type).path("schema"), description, type));
            }
            Response response;
            try {
                response = request.when().request(operation.method(), path);
            } catch (Exception e) {
                if (path.length() + queryLength > REQUEST_LINE_LIMIT) {
                    tooLong++;
                } else {
                    wrong.add(operation.method() + " " + abbreviate(path) + ": the request failed on the way: " + e);
                }
                continue;
            }
            int status = response.statusCode();
            if (status == 401) {
                token = Fixtures.token(session, List.of("read", "write"));
                newTokens++;
            }
            statuses.merge(status / 100 * 100, 1, Integer::sum);
            String text = response.asString();
            String what = operation.method() + " " + abbreviate(path) + " -> " + status + ": " + abbreviate(text);
            if (status >= 500) {
                wrong.add(what);
            } else if (status == URI_TOO_LONG) {
                tooLong++;
            } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                wrong.add("not a problem: " + what);
            } else if (LEAKS.stream().anyMatch(text::contains)) {
                wrong.add("shows internals: " + what);
            }
        }
        System.out.printf("API fuzzing: %d requests over %d operations (seed %d): %s by class of status (%d of them "
                + "refused by the HTTP server for a request line over 4 KB; %d times the fuzzer had revoked its own "
                + "token), %d wrong%n", REQUESTS, operations.size(), seed, statuses, tooLong, newTokens, wrong.size());
        assertThat(wrong).as("answers that are 5xx, not problems, or show internals (seed " + seed + ")")
                .isEmpty();
    }

    private record Operation(String method, String path, JsonNode spec) {
    }

    /** A value for a schema: mostly one of its own kind, often an odd one. */
    private Object value(Random random, JsonNode schema, JsonNode description) {
        JsonNode resolved = resolve(schema, description);
        if (hostile && random.nextInt(3) == 0) {
            return oddValues.get(random.nextInt(oddValues.size()));
        }
        JsonNode choices = resolved.path("enum");
        if (choices.isArray() && choices.size() > 0) {
            return hostile && random.nextInt(5) == 0 ? "no-such-" + random.nextInt(100)
                    : choices.get(random.nextInt(choices.size())).asText();
        }
        return switch (resolved.path("type").asText()) {
            case "integer" -> hostile && random.nextInt(5) == 0 ? -random.nextInt(1000) : 1 + random.nextInt(20);
            case "number" -> random.nextDouble() * 100;
            case "boolean" -> random.nextBoolean();
            case "array" -> Arrays.asList(value(random, resolved.path("items"), description));
            case "object" -> object(random, resolved, description);
            default -> resolved.path("format").asText().equals("date") ? "2027-0" + (1 + random.nextInt(9)) + "-1"
                    + random.nextInt(10) : "v" + random.nextInt(1000);
        };
    }

    private Map<String, Object> object(Random random, JsonNode schema, JsonNode description) {
        Map<String, Object> object = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (random.nextInt(6) > 0) {
                object.put(property.getKey(), value(random, property.getValue(), description));
            }
        }
        if (hostile && random.nextInt(5) == 0) {
            object.put("unexpected" + random.nextInt(10), oddValues.get(random.nextInt(oddValues.size())));
        }
        return object;
    }

    private String bodyText(Random random, JsonNode schema, JsonNode description, String type) throws Exception {
        return switch (hostile ? random.nextInt(10) : 9) {
            case 0 -> "{\"unclosed\": ";
            case 1 -> "null";
            case 2 -> "[1, 2, 3]";
            case 3 -> "\"just a string\"";
            default -> type.contains("json") ? JSON.writeValueAsString(value(random, schema, description))
                    : String.valueOf(value(random, schema, description));
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode description) {
        JsonNode current = schema;
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            String[] parts = current.path("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = description;
            for (String part : parts) {
                target = target.path(part);
            }
            current = target;
        }
        if (current.has("allOf") && current.path("allOf").size() > 0) {
            return resolve(current.path("allOf").get(0), description);
        }
        return current;
    }

    private static String encodePath(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.length() == 0 ? "%20" : encoded.toString();
    }

    private static String ascii(String value) {
        return value.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
