package dev.preflight.identity;

import java.net.URI;
import java.util.List;

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

/** Users, their roles and teams, and their tokens: for admins. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users", description = "Accounts, roles and team membership (admins only)")
public class UserResource {

    private final UserDirectory users;
    private final ApiTokens tokens;

    public UserResource(UserDirectory users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** A new password for a user; left out, one is generated and returned once. */
    public record PasswordInput(String password) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN_READ)
    @Operation(summary = "List users")
    public Page<UserView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return users.list(Page.Request.of(page, size));
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created; a generated password is returned this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.WithPassword.class)))
    @Operation(summary = "Create a local user")
    public Response create(UserInput input) {
        UserView.WithPassword created = users.create(ApiInput.required(input));
        return Versions.created(URI.create("/api/v1/users/" + created.user().username()), created, created.user());
    }

    @GET
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN_READ)
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @Operation(summary = "Get a user")
    public Response get(@PathParam("username") String username) {
        UserView user = users.get(username);
        return Versions.ok(user);
    }

    @PUT
    @Path("{username}")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @Operation(summary = "Change a user", description = "Display name, e-mail, role, enabled, teams. Disabling "
            + "ends the user's sessions and stops their tokens. The last enabled admin cannot be demoted or disabled.")
    public Response update(@PathParam("username") String username, UserInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UserInput body = ApiInput.required(input);
        UserView user = users.update(username, body, Versions.expected(ifMatch, body.version()));
        return Versions.ok(user);
    }

    @POST
    @Path("{username}/password")
    @Operation(summary = "Reset a user's password", description = "Ends the user's sessions.")
    public UserView.WithPassword resetPassword(@PathParam("username") String username, PasswordInput input) {
        return users.resetPassword(username, input == null ? null : input.password());
    }

    @GET
    @Path("{username}/tokens")
    @Operation(summary = "List a user's API tokens")
    public List<TokenView> tokens(@PathParam("username") String username) {
        return tokens.list(users.find(username));
    }

    @DELETE
    @Path("{username}/tokens/{id}")
    @Operation(summary = "Revoke a user's API token")
    public TokenView revokeToken(@PathParam("username") String username, @PathParam("id") long id) {
        return tokens.revoke(users.find(username), id);
    }
}
