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
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.PropertyCheck;

/**
 * Requests generated from the API description, valid, boundary and invalid (wrong types, huge and
 * odd strings, nulls, missing and extra fields, bad enums, negative numbers, path traversal), sent by
 * an administrator of its own (so that what it deletes or revokes is its own) to every operation:
 * none may answer 5xx, every error must be a problem, no body may show a stack trace or the
 * database's own words, and every answer must be one the description declares (status,
 * Content-Type and schema), since clients are generated from it. The seed is fixed unless
 * {@code -Dseed=} says otherwise ({@code random} for a new one); there are 10,000 requests unless
 * {@code -Dfuzz.requests=} asks for another number.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final int DEFAULT_REQUESTS = 10_000;
    /**
     * The HTTP server refuses a request line over 4 KB itself, before Preflight sees it: 414 with an
     * empty body, or the connection closed while a body is still being sent.
     */
    private static final int URI_TOO_LONG = 414;
    private static final int REQUEST_LINE_LIMIT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dates a date type accepts but arithmetic on them, or the database, does not. */
    private static final List<String> OUT_OF_RANGE_DATES = List.of("+999999999-12-31", "-999999999-01-01",
            "9999-12-31", "+10000-01-01", "0000-01-01", "-0001-12-31", "+999999999-12-31T23:59:59Z");
    /** Addresses to return to that no URI may hold: spaces, stray percent signs, backslashes, controls. */
    private static final List<String> NOT_ADDRESSES = List.of("/ /x", "/%zz", "/a\\b", "/x\t", "/é è", "/x#a#b");
    /** What a leaked stack trace or driver message carries; guidance may name exception classes in prose. */
    private static final List<String> LEAKS = List.of("Exception: ", "\tat ", "org.hibernate", "SQLState", "PSQLException",
            "io.quarkus", "java.lang", "ERROR:", "relation \"");

    private final List<Object> oddValues = new ArrayList<>();

    /**
     * Whether an answer is text that an error could leak into. A backup (a ZIP of the database) holds
     * whatever people typed, in compressed bytes that may spell anything, and is not searched.
     */
    private static boolean textual(String contentType) {
        String type = String.valueOf(contentType);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("yaml");
    }
    /** Half the requests are hostile (odd values, broken bodies); the others are well-formed. */
    private boolean hostile;

    @Test
    void generated_requests_get_no_5xx_and_answers_as_described_every_error_a_problem_without_internals()
            throws Exception {
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
        oddValues.addAll(OUT_OF_RANGE_DATES);
        oddValues.addAll(NOT_ADDRESSES);
        oddValues.add(null);

        String descriptionText = Api.anonymous().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode description = JSON.readTree(descriptionText);
        OpenApiResponses declared = new OpenApiResponses(descriptionText);
        List<Operation> operations = new ArrayList<>();
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
        assertThat(operations).hasSizeGreaterThan(50);

        long seed = PropertyCheck.seed();
        int requests = requests();
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        int tooLong = 0;
        int validated = 0;
        for (int i = 0; i < requests; i++) {
            Operation operation = operations.get(i % operations.size());
            hostile = random.nextBoolean();
            Call call = call(random, operation, description);
            Response response;
            try {
                response = call.send(token);
            } catch (Exception e) {
                if (call.requestLineLength() > REQUEST_LINE_LIMIT) {
                    tooLong++;
                } else {
                    wrong.add(call + ": the request failed on the way: " + e);
                }
                continue;
            }
            int status = response.statusCode();
            if (status == 401) {
                token = Fixtures.token(session, List.of("read", "write"));
                newTokens++;
            }
            statuses.merge(status / 100 * 100, 1, Integer::sum);
            if (status == URI_TOO_LONG) {
                tooLong++;
                continue;
            }
            String text = response.asString();
            String what = call + " -> " + status + ": " + abbreviate(text);
            if (status >= 500) {
                wrong.add(what);
            } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                wrong.add("not a problem: " + what);
            } else if (textual(response.contentType())) {
                LEAKS.stream().filter(text::contains).findFirst()
                        .ifPresent(leak -> wrong.add("shows internals (" + leak.strip() + "): " + what));
            }
            validated++;
            for (String violation : declared.violations(operation.method(), operation.path(), status,
                    response.contentType(), response::getHeader, text)) {
                undescribed.add(violation + ": " + what);
            }
        }
        System.out.printf("API fuzzing: %d requests over %d operations (seed %d): %s by class of status (%d of them "
                + "refused by the HTTP server for a request line over 4 KB; %d times the fuzzer had revoked its own "
                + "token), %d wrong; %d answers validated against the API description, %d not as described%n",
                requests, operations.size(), seed, statuses, tooLong, newTokens, wrong.size(), validated,
                undescribed.size());
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(wrong).as("answers that are 5xx, not problems, or show internals (seed " + seed + ")")
                    .isEmpty();
            softly.assertThat(undescribed).as("answers that the API description does not declare (seed " + seed + ")")
                    .isEmpty();
        });
    }

    /** {@value #DEFAULT_REQUESTS} requests unless {@code -Dfuzz.requests=} asks for another number. */
    private static int requests() {
        String configured = System.getProperty("dev.preflight.test.fuzz.requests", "");
        return configured.isBlank() ? DEFAULT_REQUESTS : Integer.parseInt(configured);
    }

    /** A request to an operation, its parameters and body drawn from their schemas. */
    private Call call(Random random, Operation operation, JsonNode description) throws Exception {
        String path = operation.path();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            Object value = value(random, parameter.path("schema"), description);
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encodePath(value == null ? "null" : String.valueOf(value)));
            } else if (in.equals("query") && value != null && random.nextInt(hostile ? 4 : 2) > 0) {
                query.put(name, URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            } else if (in.equals("header") && value != null && random.nextInt(3) == 0) {
                headers.put(name, ascii(String.valueOf(value)));
            }
        }
        JsonNode body = operation.spec().path("requestBody").path("content");
        if (body.isMissingNode()) {
            return new Call(operation.method(), path, query, headers, null, null);
        }
        String type = body.fieldNames().next();
        return new Call(operation.method(), path, query, headers, type,
                bodyText(random, body.path(type).path("schema"), description, type));
    }

    private record Operation(String method, String path, JsonNode spec) {
    }

    /** A generated request, kept so that a wrong answer can be reported with what caused it. */
    private record Call(String method, String path, Map<String, String> query, Map<String, String> headers,
            String contentType, String body) {

        Response send(String token) {
            RequestSpecification request = Api.as(token).urlEncodingEnabled(false).queryParams(query).headers(headers);
            if (contentType != null) {
                request.contentType(contentType).body(body);
            }
            return request.when().request(method, path);
        }

        /** The length of path and query, which the HTTP server limits. */
        int requestLineLength() {
            return path.length() + query.entrySet().stream()
                    .mapToInt(parameter -> parameter.getKey().length() + parameter.getValue().length() + 2).sum();
        }

        @Override
        public String toString() {
            String query = this.query.entrySet().stream()
                    .map(parameter -> parameter.getKey() + "=" + parameter.getValue()).collect(Collectors.joining("&"));
            return method + " " + abbreviate(path + (query.isEmpty() ? "" : "?" + query))
                    + (headers.isEmpty() ? "" : " " + abbreviate(headers.toString()))
                    + (contentType == null ? "" : " with " + contentType + " " + abbreviate(body));
        }
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
        return switch (type(resolved)) {
            case "integer" -> hostile && random.nextInt(5) == 0 ? -random.nextInt(1000) : 1 + random.nextInt(20);
            case "number" -> random.nextDouble() * 100;
            case "boolean" -> random.nextBoolean();
            case "array" -> Arrays.asList(value(random, resolved.path("items"), description));
            case "object" -> object(random, resolved, description);
            default -> resolved.path("format").asText().startsWith("date")
                    ? hostile && random.nextInt(4) == 0 ? OUT_OF_RANGE_DATES.get(random.nextInt(OUT_OF_RANGE_DATES.size()))
                            : "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                    : "v" + random.nextInt(1000);
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
        for (JsonNode alternative : current.path("anyOf")) {
            if (!type(alternative).equals("null")) {
                return resolve(alternative, description);
            }
        }
        return current;
    }

    /** The type a value of the schema has when it is not null. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        for (JsonNode one : type) {
            if (!one.asText().equals("null")) {
                return one.asText();
            }
        }
        return type.asText();
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
