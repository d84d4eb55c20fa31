package dev.preflight.team;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.ApiInput;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.security.Roles;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "Groups of people that own services")
public class TeamResource {

    private final TeamDirectory teams;

    public TeamResource(TeamDirectory teams) {
        this.teams = teams;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List teams", description = "Teams by name, a page at a time.")
    public Page<TeamView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return teams.list(Page.Request.of(page, size));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{slug}")
    @APIResponse(responseCode = "200", description = "The team",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    @Operation(summary = "Get a team")
    public Response get(@PathParam("slug") String slug) {
        TeamView team = teams.get(slug);
        return Versions.ok(team);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    @Operation(summary = "Create a team", description = "The slug is derived from the name when left out.")
    public Response create(TeamInput input) {
        TeamView team = teams.create(ApiInput.required(input));
        return Versions.created(URI.create("/api/v1/teams/" + team.slug()), team, team);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{slug}")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    @Operation(summary = "Rename a team", description = "Send the version you read (If-Match or the version field) "
            + "to be told if someone else changed the team in between.")
    public Response update(@PathParam("slug") String slug, TeamInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TeamInput body = ApiInput.required(input);
        TeamView team = teams.update(slug, body, Versions.expected(ifMatch, body.version()));
        return Versions.ok(team);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("{slug}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a team", description = "Refused with 409 while the team owns services.")
    public Response delete(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        teams.delete(slug, Versions.expected(ifMatch, null));
        return Response.noContent().build();
    }
}
