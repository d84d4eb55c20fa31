package dev.preflight.service;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.ApiInput;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.security.Roles;

@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Services", description = "The service catalog: what gets launched, and who owns it")
public class ServiceResource {

    private final ServiceCatalog catalog;

    private final CatalogImport imports;

    public ServiceResource(ServiceCatalog catalog, CatalogImport imports) {
        this.catalog = catalog;
        this.imports = imports;
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ "application/yaml", MediaType.TEXT_PLAIN })
    @Operation(summary = "Import services from Backstage catalog files", description = "The body is one or more "
            + "catalog-info.yaml documents. Each Component becomes a service named by metadata.name, owned by the team "
            + "of spec.owner (made when missing), with its title, description, lifecycle, links and tier (annotation "
            + "preflight.dev/tier or spec.tier, default 2). Importing again updates what changed; other kinds are skipped "
            + "with a reason. With dryRun=true nothing is changed: the answer says what an import would do.")
    public CatalogImport.Result importCatalog(String body,
            @Parameter(description = "Only say what the import would do") @QueryParam("dryRun") boolean dryRun) {
        return imports.run(body, !dryRun);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List services", description = "Services by name, a page at a time, optionally filtered.")
    public Page<ServiceView> list(
            @Parameter(description = "Slug of the owning team") @QueryParam("team") String team,
            @Parameter(description = "1, 2 or 3") @QueryParam("tier") String tier,
            @Parameter(description = "planned, launching, production or retired") @QueryParam("lifecycle") String lifecycle,
            @Parameter(description = "Text to find in the name, slug or description") @QueryParam("q") String q,
            @Parameter(description = "Page number, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("size") Integer size) {
        return catalog.search(ServiceFilter.parse(team, tier, lifecycle, q), Page.Request.of(page, size));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{slug}")
    @APIResponse(responseCode = "200", description = "The service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    @Operation(summary = "Get a service")
    public Response get(@PathParam("slug") String slug) {
        ServiceView service = catalog.get(slug);
        return Versions.ok(service);
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    @Operation(summary = "Register a service", description = "The slug is derived from the name when left out.")
    public Response create(ServiceInput input) {
        ServiceView service = catalog.create(ApiInput.required(input));
        return Versions.created(URI.create("/api/v1/services/" + service.slug()), service, service);
    }

    @PUT
    @RolesAllowed(Roles.ENGINEER)
    @Path("{slug}")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    @Operation(summary = "Replace a service's details", description = "Optional fields left out take their defaults. "
            + "Send the version you read (If-Match or the version field) to be told if someone else changed it in between. "
            + "Retire a service by setting its lifecycle to retired.")
    public Response update(@PathParam("slug") String slug, ServiceInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ServiceInput body = ApiInput.required(input);
        ServiceView service = catalog.update(slug, body, Versions.expected(ifMatch, body.version()));
        return Versions.ok(service);
    }

    @DELETE
    @RolesAllowed(Roles.ENGINEER)
    @Path("{slug}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a service", description = "Removes the service for good. To keep its history, "
            + "retire it instead (lifecycle retired).")
    public Response delete(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        catalog.delete(slug, Versions.expected(ifMatch, null));
        return Response.noContent().build();
    }
}
