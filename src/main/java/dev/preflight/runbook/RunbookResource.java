package dev.preflight.runbook;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.ApiInput;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.security.Roles;

@Path("/api/v1/services/{slug}/runbook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Runbooks", description = "Each service's runbook, its revisions and its completeness")
public class RunbookResource {

    private final Runbooks runbooks;

    public RunbookResource(Runbooks runbooks) {
        this.runbooks = runbooks;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "The runbook (version 0 before the first save)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunbookViews.Runbook.class)))
    @Operation(summary = "Get a service's runbook", description = "Its Markdown (the skeleton until the first save), "
            + "the required sections missing or empty, and when it was last exercised.")
    public Response get(@PathParam("slug") String slug) {
        RunbookViews.Runbook runbook = runbooks.get(slug);
        return Versions.ok(runbook);
    }

    @PUT
    @RolesAllowed(Roles.ENGINEER)
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunbookViews.Runbook.class)))
    @Operation(summary = "Save a service's runbook", description = "New content becomes a new revision with your "
            + "note. Send the ETag you read in If-Match (\"0\" before the first save) to be refused (412) instead of "
            + "overwriting someone else's edit.")
    public Response save(@PathParam("slug") String slug, RunbookInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RunbookViews.Runbook runbook = runbooks.save(slug, ApiInput.required(input), Versions.expected(ifMatch, null));
        return Versions.ok(runbook);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("revisions")
    @Operation(summary = "A runbook's revisions", description = "Newest first: number, author, time and note.")
    public List<RunbookViews.Revision> revisions(@PathParam("slug") String slug) {
        return runbooks.revisions(slug);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("revisions/{number}")
    @Operation(summary = "One revision of a runbook", description = "With its Markdown as it was saved.")
    public RunbookViews.RevisionContent revision(@PathParam("slug") String slug, @PathParam("number") int number) {
        return runbooks.revision(slug, number);
    }
}
