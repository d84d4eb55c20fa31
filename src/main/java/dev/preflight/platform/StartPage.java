package dev.preflight.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The start page: the service catalog, until the go-live board takes its place. */
@Path("/")
@PermitAll
public class StartPage {

    @GET
    public Response start() {
        return Pages.seeOther("/services");
    }
}
