package dev.preflight.identity;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/sign-off-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-off groups", description = "The owners of each area whose sign-off template items ask for")
public class SignOffGroupResource {

    private final SignOffGroups groups;

    public SignOffGroupResource(SignOffGroups groups) {
        this.groups = groups;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List sign-off groups", description = "Every group by name, with its members.")
    public List<SignOffGroups.View> list() {
        return groups.list();
    }

    @GET
    @Path("{key}")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "The group", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignOffGroups.View.class)))
    @Operation(summary = "Get a sign-off group")
    public Response get(@PathParam("key") String key) {
        return Versions.ok(groups.get(key));
    }

    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignOffGroups.View.class)))
    @Operation(summary = "Define a sign-off group", description = "Makes the group when the key is new, else replaces "
            + "its name and members (user names). Items of templates that name the key are then signed off by its "
            + "members (and admins, acting for it) only. Send If-Match to be told of someone else's change.")
    public Response save(@PathParam("key") String key, SignOffGroups.Input input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Versions.ok(groups.save(key, ApiInput.required(input), Versions.expected(ifMatch, null)));
    }

    @DELETE
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Removed: its items are signed off by any approver again")
    @Operation(summary = "Remove a sign-off group")
    public Response delete(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        groups.delete(key, Versions.expected(ifMatch, null));
        return Response.noContent().build();
    }
}
