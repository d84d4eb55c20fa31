package dev.preflight.identity;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.security.Roles;

/** Who belongs to a team. */
@Path("/api/v1/teams/{slug}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class TeamMemberResource {

    private final UserDirectory users;

    public TeamMemberResource(UserDirectory users) {
        this.users = users;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List a team's members")
    public List<UserView> list(@PathParam("slug") String slug) {
        return users.members(users.team(slug));
    }

    @PUT
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a member", description = "Admins only. Returns the members afterwards.")
    public List<UserView> add(@PathParam("slug") String slug, @PathParam("username") String username) {
        return users.addMember(slug, username);
    }

    @DELETE
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a member", description = "Admins only. Returns the members afterwards.")
    public List<UserView> remove(@PathParam("slug") String slug, @PathParam("username") String username) {
        return users.removeMember(slug, username);
    }
}
