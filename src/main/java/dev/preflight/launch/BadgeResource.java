package dev.preflight.launch;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.preflight.identity.CurrentCaller;
import dev.preflight.platform.problems.ProblemException;

/**
 * A service's readiness badge for READMEs. Signed-in users see any service's badge; without a
 * session the address must carry the key the service's page shows, and anything else is not found.
 */
@Path("/badges")
@PermitAll
public class BadgeResource {

    static final String SVG = "image/svg+xml";

    private final Badges badges;
    private final CurrentCaller caller;

    public BadgeResource(Badges badges, CurrentCaller caller) {
        this.badges = badges;
        this.caller = caller;
    }

    @GET
    @Path("{service}.svg")
    @Produces(SVG)
    public Response badge(@PathParam("service") String service, @QueryParam("key") String key) {
        if (caller.find().isEmpty() && !badges.validKey(service, key)) {
            throw ProblemException.notFound("There is no badge at this address.");
        }
        return Response.ok(Badges.svg(badges.current(service)), SVG).header("Cache-Control", "max-age=60").build();
    }
}
