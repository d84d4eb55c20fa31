package dev.preflight.launch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.security.Roles;

@Path("/api/v1/me/work")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Launches")
public class MyWorkResource {

    private final MyWork work;

    public MyWorkResource(MyWork work) {
        this.work = work;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Read the caller's work", description = "Items assigned to the caller that are not resolved "
            + "(overdue first), items waiting for the caller's sign-off (approvers), and the caller's teams' launches due "
            + "within 14 days.")
    public MyWork.Work get() {
        return work.of();
    }
}
