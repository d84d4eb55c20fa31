package dev.preflight.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an answer against what the API description says the operation answers, as a client
 * generated from the description would rely on it: the status is one the operation declares (or
 * its range, such as {@code 4XX}, or {@code default}), the Content-Type is one declared for that
 * status, a status declared without content has no body, and a JSON body conforms to the declared
 * schema, formats such as {@code date-time} included, and every header it declares required is there. The schemas are read by a JSON Schema
 * validator with the OpenAPI 3.1 dialect, from the description itself, so that its references
 * resolve as a client would resolve them.
 */
final class OpenApiResponses {

    /** Where the description is said to live; it is served from memory, never fetched. */
    private static final String DOCUMENT = "https://preflight.invalid/q/openapi";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode description;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new HashMap<>();

    OpenApiResponses(String description) {
        this.description = JSON.readTree(description);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(DOCUMENT, description)));
    }

    /**
     * What in this answer to {@code method path} the description does not allow; empty if nothing.
     * {@code header} gives the answer's value of a header by name (null when it is absent).
     */
    List<String> violations(String method, String path, int status, String contentType, UnaryOperator<String> header,
            String body) {
        String operation = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode responses = description.at(operation + "/responses");
        String declared = declaredStatus(responses, status);
        if (declared == null) {
            return List.of("status " + status + " is not declared (declared: " + keys(responses) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> declaredHeader : responses.path(declared).path("headers").properties()) {
            if (declaredHeader.getValue().path("required").asBoolean() && header.apply(declaredHeader.getKey()) == null) {
                missing.add("the required header " + declaredHeader.getKey() + " is missing");
            }
        }
        if (!missing.isEmpty()) {
            return missing;
        }
        JsonNode content = responses.path(declared).path("content");
        if (content.isEmpty()) {
            return body.isEmpty() ? List.of()
                    : List.of("a body came with status " + status + ", which is declared without content");
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String declaredType = declaredMediaType(content, mediaType);
        if (declaredType == null) {
            return List.of("Content-Type '" + contentType + "' is not declared for status " + status + " (declared: "
                    + keys(content) + ")");
        }
        if (!isJson(mediaType) || !content.path(declaredType).has("schema")) {
            return List.of();
        }
        return conformance(operation + "/responses/" + escape(declared) + "/content/" + escape(declaredType)
                + "/schema", body);
    }

    private List<String> conformance(String schemaPointer, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of("the body is not JSON");
        }
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer)));
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            String location = error.getInstanceLocation().toString();
            violations.add((location.isEmpty() ? "the body" : location) + " does not conform to its schema: "
                    + error.getMessage());
        }
        return violations;
    }

    private static String declaredStatus(JsonNode responses, int status) {
        for (String key : List.of(String.valueOf(status), status / 100 + "XX", "default")) {
            if (responses.has(key)) {
                return key;
            }
        }
        return null;
    }

    /** The declared media type that covers the one sent: the same, or a range such as {@code text/*}. */
    private static String declaredMediaType(JsonNode content, String mediaType) {
        String range = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) + "/*" : "";
        for (String candidate : List.of(mediaType, range, "*/*")) {
            if (!candidate.isEmpty() && content.has(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String keys(JsonNode node) {
        return String.join(", ", node.propertyNames());
    }

    /** A JSON Pointer reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
