package dev.preflight.platform;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Shapes the OpenAPI description: only the JSON API under {@code /api/} is described (pages are
 * not an API), and every operation documents the error responses it can give as
 * {@code application/problem+json} with one shared schema, matching what the error mappers send.
 */
public class OpenApiDescription implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("line", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("Line of an uploaded document the error is on"));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
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
                .addRequired("type").addRequired("title").addRequired("status"));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (path.startsWith("/api/")) {
                document(path, openAPI.getPaths().getPathItem(path));
            } else {
                openAPI.getPaths().removePathItem(path);
            }
        }
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
            if (path.contains("{")) {
                add(responses, "404", "No such record");
            }
            if (write) {
                add(responses, "409", "Conflicts with the current state, such as a slug already taken");
                add(responses, "412", "The record changed since the version sent in If-Match or the body");
                add(responses, "413", "The body is larger than the server accepts");
                add(responses, "415", "The body is not JSON");
            }
            add(responses, "500", "Unexpected server failure; quote the request id");
            add(responses, "503", "The database is unreachable; retry after the Retry-After header's seconds");
        }
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
