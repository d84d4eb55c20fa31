package dev.preflight.launch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Text;

/** The check board as JSON: the latest result of every automated check, failing first. */
@Path("/api/v1/checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checks", description = "Automated checks that tick launch items")
public class CheckResource {

    private final CheckBoard board;

    public CheckResource(CheckBoard board) {
        this.board = board;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List checks", description = "Every checked item of the running launches with what its check "
            + "found last: failing first, then checks that could not run, those waiting for their first run, and the "
            + "passing ones. Per service with service=<slug>; only failing ones with failing=true.")
    public Page<CheckBoard.Row> list(@Parameter(description = "A service's slug") @QueryParam("service") String service,
            @QueryParam("failing") boolean failing, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return board.rows(Text.blankToNull(service), failing, Page.Request.of(page, size));
    }
}
