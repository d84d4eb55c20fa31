package dev.preflight.webhook;

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
import dev.preflight.platform.security.Roles;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed messages to other systems when launches, drills and waivers change")
public class WebhookResource {

    private final Webhooks webhooks;

    public WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List webhooks", description = "Every subscription for admins; those of the caller's teams "
            + "and their services for everyone else.")
    public List<WebhookViews.Subscription> list() {
        return webhooks.list();
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @APIResponse(responseCode = "201", description = "Made; the body holds the secret that signs deliveries, shown only now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookViews.Created.class)))
    @Operation(summary = "Subscribe a URL", description = "To events of a team (all its services) or of one service: "
            + "item_changed, sign_off_needed, decision_made, launch_overdue, drill_failed, waiver_expiring, item_due. The URL's host "
            + "must be on the allow-list. Each delivery is a POST with the headers Preflight-Event, Preflight-Delivery and "
            + "Preflight-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with the secret>.")
    public Response create(WebhookInput input) {
        WebhookViews.Created created = webhooks.create(ApiInput.required(input));
        return Response.created(URI.create("/api/v1/webhooks/" + created.subscription().id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a webhook", description = "Without its secret; with the counts of its deliveries.")
    public WebhookViews.Subscription get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ENGINEER)
    @APIResponse(responseCode = "204", description = "Removed, with its deliveries")
    @Operation(summary = "Remove a webhook")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List a webhook's deliveries", description = "The latest 100, newest first: status (pending, "
            + "delivered, failed), attempts, the next attempt, the receiver's last status and the last error.")
    public List<WebhookViews.Delivery> deliveries(@PathParam("id") long id) {
        return webhooks.deliveries(id);
    }
}
