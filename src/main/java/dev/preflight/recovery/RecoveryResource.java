package dev.preflight.recovery;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.ApiInput;
import dev.preflight.platform.api.Idempotency;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.security.Roles;

@Path("/api/v1/services/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery", description = "Recovery objectives (RTO/RPO) and restore drills of a service")
public class RecoveryResource {

    private final RecoveryBook book;
    private final Idempotency idempotency;

    public RecoveryResource(RecoveryBook book, Idempotency idempotency) {
        this.book = book;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("recovery-targets")
    @APIResponse(responseCode = "200", description = "The targets (version 0 while none is set)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecoveryViews.Plan.class)))
    @Operation(summary = "Get a service's recovery targets", description = "Each target with its durations in human "
            + "form and in minutes and the findings of the consistency check; the tier's defaults; the last "
            + "successful restore test and whether one is overdue.")
    public Response targets(@PathParam("slug") String slug) {
        RecoveryViews.Plan plan = book.plan(slug);
        return Versions.ok(plan);
    }

    @PUT
    @RolesAllowed(Roles.ENGINEER)
    @Path("recovery-targets")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecoveryViews.Plan.class)))
    @Operation(summary = "Set a service's recovery targets", description = "The body is the whole list (at most one "
            + "per data store, and one without a data store for the whole service). Durations such as \"4 h\", "
            + "\"15 min\", \"1 h 30 min\". Send the ETag you read in If-Match (\"0\" before any target was set).")
    public Response saveTargets(@PathParam("slug") String slug, List<TargetInput> targets,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RecoveryViews.Plan plan = book.saveTargets(slug, ApiInput.required(targets), Versions.expected(ifMatch, null));
        return Versions.ok(plan);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("drills")
    @Operation(summary = "A service's drills", description = "Restore tests, failovers and DR exercises, latest first, "
            + "each judged against the targets in force when it was recorded.")
    public List<RecoveryViews.Drill> drills(@PathParam("slug") String slug) {
        return book.drills(slug);
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Path("drills")
    @APIResponse(responseCode = "201", description = "Recorded and judged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecoveryViews.Drill.class)))
    @Operation(summary = "Record a drill", description = "For people and backup jobs (with a write token of the owning "
            + "team): what was recovered, when, how long it took, how much data was lost, and the outcome.")
    public Response recordDrill(@PathParam("slug") String slug, DrillInput input,
            @Parameter(description = "Makes the write safe to retry: the first result is replayed for the same key "
                    + "and body; the same key with another body is refused (422).")
            @HeaderParam(Idempotency.HEADER) String key) {
        DrillInput body = ApiInput.required(input);
        return idempotency.once(key, "POST /api/v1/services/" + slug + "/drills", body, () -> {
            RecoveryViews.Drill drill = book.recordDrill(slug, body);
            return Response.status(Response.Status.CREATED).entity(drill).build();
        });
    }
}
