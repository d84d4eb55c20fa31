package dev.preflight.audit.trail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.security.Roles;

/**
 * The audit log for admins and their tools (a read-only token of an admin's will do): search it,
 * and check that nobody changed it.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what, when and from where; tamper-evident")
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.ADMIN_READ)
    @Operation(summary = "Search the audit log", description = "Events newest first. actor and action match exactly, "
            + "or by prefix when they end in * (action=launch.*); targetType and targetId exactly; from and to are "
            + "days (UTC, YYYY-MM-DD), both included. 50 a page unless size says otherwise (at most 200).")
    public Page<AuditView> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return trail.search(AuditTrail.Filter.of(actor, action, targetType, targetId, from, to),
                Page.Request.of(page, size));
    }

    @GET
    @Path("verify")
    @RolesAllowed(Roles.ADMIN_READ)
    @Operation(summary = "Check the audit log's hash chain", description = "Recomputes every event's hash from its "
            + "fields and the previous event's hash. intact is false when an event was changed or removed in the "
            + "database; firstBroken names the first event that does not fit. Keep headSeq and headHash somewhere "
            + "else now and then: a chain cut short after them shows against the copy.")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }
}
