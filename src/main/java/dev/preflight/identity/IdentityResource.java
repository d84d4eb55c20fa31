package dev.preflight.identity;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.ApiInput;
import dev.preflight.platform.security.Role;
import dev.preflight.platform.security.Roles;

/** The caller's own identity and API tokens. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who you are, and your API tokens")
public class IdentityResource {

    private final CurrentCaller caller;
    private final UserDirectory users;
    private final ApiTokens tokens;

    public IdentityResource(CurrentCaller caller, UserDirectory users, ApiTokens tokens) {
        this.caller = caller;
        this.users = users;
        this.tokens = tokens;
    }

    /** The signed-in user, their role and teams, and how the request was authenticated. */
    public record MeView(String username, String displayName, Role role, List<String> teams, String via,
            boolean canWrite) {
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Who am I", description = "The caller's user, role, teams and credential.")
    public MeView me() {
        Caller current = caller.get();
        UserView user = users.get(current.username());
        return new MeView(user.username(), user.displayName(), user.role(), user.teams(), current.channel(),
                current.canWrite());
    }

    @GET
    @Path("tokens")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List my API tokens", description = "Never shows their secrets.")
    public List<TokenView> listTokens() {
        return tokens.list(users.find(caller.get().username()));
    }

    @POST
    @Path("tokens")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "201", description = "Created; the secret is in this response only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.Created.class)))
    @Operation(summary = "Create an API token", description = "Send it as 'Authorization: Bearer pf_...'. "
            + "It acts as you, narrowed to its scopes: read (the default) or read and write.")
    public Response createToken(TokenInput input) {
        TokenView.Created created = tokens.create(users.find(caller.get().username()), ApiInput.required(input));
        return Response.created(URI.create("/api/v1/tokens/" + created.token().id())).entity(created).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Revoke one of my API tokens", description = "Takes effect on the next request.")
    public TokenView revokeToken(@PathParam("id") long id) {
        return tokens.revoke(users.find(caller.get().username()), id);
    }
}
