package dev.preflight.launch;

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

@Path("/api/v1/launch-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Launch policies", description = "How many approvers agree to a go, per tier, and four-eyes sign-off")
public class LaunchPolicyResource {

    private final LaunchPolicies policies;

    public LaunchPolicyResource(LaunchPolicies policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List the launch policies", description = "One per tier: goDeciders distinct approvers must "
            + "agree before a go is recorded; with fourEyes, the person who marked an item done may not sign it off.")
    public List<LaunchPolicies.View> list() {
        return policies.list();
    }

    @PUT
    @Path("{tier}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LaunchPolicies.View.class)))
    @Operation(summary = "Set a tier's launch policy")
    public Response set(@PathParam("tier") int tier, LaunchPolicies.Input input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Versions.ok(policies.set(tier, ApiInput.required(input), Versions.expected(ifMatch, null)));
    }
}
