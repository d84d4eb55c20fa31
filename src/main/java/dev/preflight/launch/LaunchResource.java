package dev.preflight.launch;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import dev.preflight.platform.api.Idempotency;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.security.Roles;

@Path("/api/v1/launches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Launches", description = "Launch reviews: their items, decisions, and the deploy gate")
public class LaunchResource {

    private static final String IDEMPOTENCY = "Makes the write safe to retry: the first result is replayed for the "
            + "same key and body (with Idempotent-Replayed: true); the same key with another body is refused (422).";

    private final LaunchWorkflow launches;
    private final ItemWorkflow items;
    private final Idempotency idempotency;
    private final DeployGate gate;
    private final TemplateUpgrades upgrades;
    private final ItemChecks checks;

    public LaunchResource(LaunchWorkflow launches, ItemWorkflow items, Idempotency idempotency, DeployGate gate,
            TemplateUpgrades upgrades, ItemChecks checks) {
        this.checks = checks;
        this.gate = gate;
        this.upgrades = upgrades;
        this.launches = launches;
        this.items = items;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List launches", description = "Launches by target date, a page at a time, each with its "
            + "headline readiness; optionally filtered.")
    public Page<LaunchViews.Summary> list(
            @Parameter(description = "Slug of the service") @QueryParam("service") String service,
            @Parameter(description = "Slug of the owning team") @QueryParam("team") String team,
            @Parameter(description = "preparing, in_review, go, no_go, launched or cancelled") @QueryParam("state") String state,
            @Parameter(description = "Earliest target date, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Latest target date, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "Page number, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("size") Integer size) {
        return launches.search(LaunchFilter.parse(service, team, state, from, to), Page.Request.of(page, size));
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @APIResponse(responseCode = "201", description = "Opened; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Detail.class)))
    @Operation(summary = "Open a launch", description = "Snapshots the items of a published template version that "
            + "apply to the service's tier. The newest published version is used when templateVersion is left out.")
    public Response open(LaunchInput input, @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String key) {
        LaunchInput body = ApiInput.required(input);
        return idempotency.once(key, "POST /api/v1/launches", body, () -> {
            LaunchViews.Detail launch = launches.open(body);
            return Versions.created(URI.create("/api/v1/launches/" + launch.id()), launch, launch);
        });
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The launch with its readiness and items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Detail.class)))
    @Operation(summary = "Get a launch", description = "With its readiness (computed from the items) and every item.")
    public Response get(@PathParam("id") long id) {
        LaunchViews.Detail launch = launches.get(id);
        return Versions.ok(launch);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}/history")
    @Operation(summary = "A launch's history", description = "Its events and its items' events, newest first.")
    public List<LaunchViews.Event> history(@PathParam("id") long id,
            @Parameter(description = "How many events, 1 to 1000 (default 200)") @QueryParam("limit") Integer limit) {
        return launches.history(id, limit == null ? 200 : Math.max(1, Math.min(1000, limit)));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}/items/{key}")
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Item.class)))
    @Operation(summary = "Get an item")
    public Response item(@PathParam("id") long id, @PathParam("key") String key) {
        LaunchViews.Item item = launches.item(id, key);
        return Versions.ok(item);
    }

    @PUT
    @RolesAllowed(Roles.ENGINEER)
    @Path("{id}/items/{key}")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Item.class)))
    @Operation(summary = "Set an item's state", description = "The body is the item's whole new state: status is "
            + "required and fields left out are cleared (a waiver or sign-off the item keeps in the same status stays). Done needs the evidence the item asks for; not_applicable and "
            + "blocked need a reason; waived (approvers only) needs a waiver. Send the version read (If-Match) to be "
            + "refused (412, with the current item) if someone changed it in between.")
    public Response put(@PathParam("id") long id, @PathParam("key") String key, ItemChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return itemChange("PUT", id, key, change, ifMatch, idempotencyKey, true);
    }

    @PATCH
    @RolesAllowed(Roles.ENGINEER)
    @Path("{id}/items/{key}")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Item.class)))
    @Operation(summary = "Change an item", description = "Fields left out stay as they are; an empty string clears "
            + "one. A comment alone adds a remark to the history. Send the version read (If-Match) to be refused "
            + "(412, with the current item) if someone changed it in between.")
    public Response patch(@PathParam("id") long id, @PathParam("key") String key, ItemChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return itemChange("PATCH", id, key, change, ifMatch, idempotencyKey, false);
    }

    private Response itemChange(String method, long id, String key, ItemChange change, String ifMatch,
            String idempotencyKey, boolean replace) {
        ItemChange body = ApiInput.required(change);
        Long expected = Versions.expected(ifMatch, body.version());
        return idempotency.once(idempotencyKey, method + " /api/v1/launches/" + id + "/items/" + key + " " + expected,
                body, () -> {
                    LaunchViews.Item item = items.change(id, key, body, expected, replace);
                    return Versions.ok(item);
                });
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}/items/{key}/history")
    @Operation(summary = "An item's history", description = "Every change of the item, oldest first: who, in which "
            + "role, through which channel (web, api, token:<name>), from which status to which, evidence and comment.")
    public List<LaunchViews.Event> itemHistory(@PathParam("id") long id, @PathParam("key") String key) {
        return launches.itemHistory(id, key);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}/items/{key}/checks")
    @Operation(summary = "An item's check and its results", description = "The check that ticks the item (its kind, "
            + "what it looks at, its last verdict) and its latest results, newest first: what was asked, each "
            + "expectation with what was expected and what was seen, when, how long it took and who ran it.")
    public ItemChecks.Results itemChecks(@PathParam("id") long id, @PathParam("key") String key) {
        return checks.of(id, key);
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Path("{id}/items/{key}/checks")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run an item's check now", description = "Runs the check at once (it waits for the "
            + "answer, up to the check timeout) and applies it: a pass marks the item done, a failure reopens a done "
            + "item. For the launch's team; refused (409) for an item without a check or on a closed launch.")
    public ItemChecks.Result runCheck(@PathParam("id") long id, @PathParam("key") String key) {
        return checks.runNow(id, key);
    }

    @PATCH
    @RolesAllowed(Roles.ENGINEER)
    @Path("{id}/items")
    @Operation(summary = "Change many items", description = "An object of item keys to changes, each read as a "
            + "PATCH of that item (a version in a change is checked). All are applied in one transaction, or none "
            + "when any one is refused: the errors name every refused field as items.<key>.<field>.")
    public Response patchAll(@PathParam("id") long id, BulkItemChange bulk,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        BulkItemChange body = ApiInput.required(bulk);
        return idempotency.once(idempotencyKey, "PATCH /api/v1/launches/" + id + "/items", body,
                () -> Response.ok(items.changeAll(id, body)).build());
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Path("{id}/transitions")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Detail.class)))
    @Operation(summary = "Move a launch", description = "To in_review (from preparing or no_go), launched (from go) "
            + "or cancelled (from any state but launched). Go and no-go are decisions.")
    public Response transition(@PathParam("id") long id, TransitionInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        TransitionInput body = ApiInput.required(input);
        Long expected = Versions.expected(ifMatch, body.version());
        return launchWrite(idempotencyKey, "POST /api/v1/launches/" + id + "/transitions " + expected, body,
                () -> launches.transition(id, body, expected));
    }

    @POST
    @RolesAllowed(Roles.APPROVER)
    @Path("{id}/decision")
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Detail.class)))
    @APIResponse(responseCode = "409", description = "Go refused: the blockers member lists each open blocker and "
            + "missing sign-off", content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "Decide go or no-go", description = "Approvers only, on a launch in review (or a go, to "
            + "revoke it). A go is refused while a blocker is open or a required sign-off is missing.")
    public Response decide(@PathParam("id") long id, DecisionInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        DecisionInput body = ApiInput.required(input);
        Long expected = Versions.expected(ifMatch, body.version());
        return launchWrite(idempotencyKey, "POST /api/v1/launches/" + id + "/decision " + expected, body,
                () -> launches.decide(id, body, expected));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}/gate")
    @APIResponse(responseCode = "200", description = "The launch may go ahead",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.GateOpen.class)))
    @APIResponse(responseCode = "409", description = "Not ready: no go decision, or something required reopened "
            + "since; the blockers member lists what", content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "Ask the deploy gate", description = "For pipelines: curl --fail succeeds only when the "
            + "launch has a go decision and nothing required has reopened since.")
    public LaunchViews.GateOpen gate(@PathParam("id") long id) {
        return gate.gate(id);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}/upgrade")
    @Operation(summary = "Preview a template upgrade", description = "What moving the launch to its template's "
            + "newest published version would add, drop and reword; empty when it is up to date.")
    public LaunchViews.UpgradePreview upgradePreview(@PathParam("id") long id) {
        return upgrades.upgradePreview(id);
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Path("{id}/upgrade")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "Upgraded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LaunchViews.Detail.class)))
    @Operation(summary = "Upgrade to the newest template version", description = "New items start open, dropped "
            + "items leave the checklist (their history stays), the others keep their state and history.")
    public Response upgrade(@PathParam("id") long id,
            @Parameter(description = "The template version previewed; refused (409) if a newer one was published since")
            @QueryParam("to") Integer to,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Long expected = Versions.expected(ifMatch, null);
        return launchWrite(idempotencyKey, "POST /api/v1/launches/" + id + "/upgrade " + expected + " " + to, "",
                () -> upgrades.upgrade(id, to, expected));
    }

    private Response launchWrite(String key, String request, Object body, Supplier<LaunchViews.Detail> write) {
        return idempotency.once(key, request, body, () -> {
            LaunchViews.Detail launch = write.get();
            return Versions.ok(launch);
        });
    }
}
