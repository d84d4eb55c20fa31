package dev.preflight.platform.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.preflight.platform.problems.Problem;
import dev.preflight.platform.text.Keyed;

/**
 * Shapes the OpenAPI description: only the JSON API under {@code /api/} is described (pages are
 * not an API), and every operation documents the error responses it can give as
 * {@code application/problem+json} with one shared schema, matching what the error mappers send.
 * Answers write a value that is not set as {@code null} rather than leaving it out, so every
 * property of an answer that is not required may be null; problems leave such members out.
 * Vocabularies ({@link Keyed}) are written by their key, so their values are described in lower case.
 * A successful answer about one record with a {@code version} ({@link Versioned}) carries it as the
 * ETag, documented here once for all of them.
 */
public class OpenApiDescription implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/Problem";
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getPaths() != null) {
            for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
                if (!path.startsWith("/api/")) {
                    openAPI.getPaths().removePathItem(path);
                }
            }
            allowNulls(openAPI);
            tagVersions(openAPI);
            openAPI.getPaths().getPathItems().forEach(this::document);
        }
        writeKeys(openAPI);
        openAPI.getComponents().addSchema("Problem", problem());
    }

    private static Schema problem() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("line", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("Line of an uploaded document the error is on"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An error, in the shape of RFC 9457")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A URI naming the kind of problem; it serves a page explaining it"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Also in the X-Request-Id header and the server's log"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    /**
     * Lets null stand for an unset value in the answers that the resources declare; it runs before
     * the problem responses are added, whose members are left out instead.
     */
    private static void allowNulls(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas() == null ? Map.of()
                : openAPI.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operation.getResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                .forEach(mediaType -> allowNulls(mediaType.getSchema(), components, seen));
    }

    /** Lets every property that is not required be null, in this schema and those it refers to. */
    private static void allowNulls(Schema schema, Map<String, Schema> components, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null) {
            allowNulls(components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)), components,
                    seen);
            return;
        }
        allowNulls(schema.getItems(), components, seen);
        allowNulls(schema.getAdditionalPropertiesSchema(), components, seen);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                .flatMap(List::stream).forEach(part -> allowNulls(part, components, seen));
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new LinkedHashMap<>(schema.getProperties()).entrySet()) {
            allowNulls(property.getValue(), components, seen);
            if (!required.contains(property.getKey())) {
                schema.addProperty(property.getKey(), orNull(property.getValue()));
            }
        }
    }

    /** The ETag header on every 200 and 201 whose JSON body is one record with a version. */
    private static void tagVersions(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas() == null ? Map.of()
                : openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operation.getResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().entrySet().stream())
                .filter(response -> response.getKey().equals("200") || response.getKey().equals("201"))
                .map(Map.Entry::getValue)
                .filter(response -> response.getContent() != null
                        && response.getContent().getMediaType("application/json") != null)
                .filter(response -> versioned(response.getContent().getMediaType("application/json").getSchema(),
                        components))
                .forEach(response -> response.addHeader("ETag", OASFactory.createHeader().required(true)
                        .description("The record's version: send it back in If-Match to be refused (412) instead "
                                + "of overwriting a change made meanwhile")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
    }

    private static boolean versioned(Schema schema, Map<String, Schema> components) {
        Schema record = schema == null || schema.getRef() == null ? schema
                : components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        return record != null && record.getProperties() != null && record.getProperties().containsKey("version");
    }

    /** Every enumeration of constant names becomes the keys Jackson writes ({@link Keyed#key()}). */
    private static void writeKeys(OpenAPI openAPI) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(schema -> writeKeys(schema, seen));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Operation operation : openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream()).toList()) {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> writeKeys(parameter.getSchema(), seen));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(mediaType -> writeKeys(mediaType.getSchema(), seen));
            }
        }
    }

    private static void writeKeys(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getEnumeration() != null && schema.getEnumeration().stream()
                .allMatch(value -> value instanceof String name && CONSTANT.matcher(name).matches())) {
            schema.setEnumeration(schema.getEnumeration().stream()
                    .map(value -> (Object) ((String) value).toLowerCase(Locale.ROOT)).toList());
        }
        writeKeys(schema.getItems(), seen);
        writeKeys(schema.getAdditionalPropertiesSchema(), seen);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                .flatMap(List::stream).forEach(part -> writeKeys(part, seen));
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> writeKeys(property, seen));
        }
    }

    /** The schema, or null: a plain type gains {@code null}; a reference or an enum becomes one of the two. */
    private static Schema orNull(Schema schema) {
        if (schema.getRef() != null || schema.getEnumeration() != null || schema.getType() == null) {
            return OASFactory.createSchema().addAnyOf(schema)
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        return schema.getType().contains(Schema.SchemaType.NULL) ? schema : schema.addType(Schema.SchemaType.NULL);
    }

    private void document(String path, PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            APIResponses responses = entry.getValue().getResponses();
            if (responses == null) {
                responses = OASFactory.createAPIResponses();
                entry.getValue().setResponses(responses);
            }
            boolean write = entry.getKey() != PathItem.HttpMethod.GET;
            add(responses, "400", "Invalid input or parameters; the errors list names each field");
            if (responses.hasAPIResponse("401")) {
                add(responses, "401", "Not signed in, or the API token is unknown, revoked or expired");
                add(responses, "403", "The role, the teams or the token's scopes do not allow this");
                add(responses, "429", "Too many failed sign-ins or token attempts; retry after the Retry-After "
                        + "header's seconds");
            }
            if (path.contains("{")) {
                add(responses, "404", "No such record");
            }
            add(responses, "406", "None of the media types in the Accept header can be answered");
            if (write) {
                add(responses, "409", "Conflicts with the current state, such as a slug already taken");
                add(responses, "412", "The record changed since the version sent in If-Match or the body");
                add(responses, "413", "The body is larger than the server accepts");
                add(responses, "415", "The body is not JSON");
            }
            if (takesIdempotencyKey(entry.getValue())) {
                add(responses, "422", "The Idempotency-Key was already used for a different request");
            }
            add(responses, "500", "Unexpected server failure; quote the request id");
            add(responses, "503", "The database is unreachable; retry after the Retry-After header's seconds");
            shareProblemSchema(responses);
        }
    }

    /** Problems that a resource declares without a schema, such as a refused go with its blockers. */
    private static void shareProblemSchema(APIResponses responses) {
        responses.getAPIResponses().values().stream()
                .filter(response -> response.getContent() != null)
                .map(response -> response.getContent().getMediaType(Problem.MEDIA_TYPE))
                .filter(mediaType -> mediaType != null && mediaType.getSchema() == null)
                .forEach(mediaType -> mediaType.schema(OASFactory.createSchema().ref(SCHEMA_REF)));
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                        && Idempotency.HEADER.equalsIgnoreCase(parameter.getName()));
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF)))));
    }
}
