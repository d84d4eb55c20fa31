package dev.preflight.launch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Text;
import dev.preflight.platform.web.PageLink;
import dev.preflight.service.ServiceLaunches;

/** The check board: the latest result of every automated check, failing first, across services or for one. */
@Path("/checks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class CheckPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checks(Page<CheckBoard.Row> page, ServiceLaunches.Checks counts, String service,
                boolean failing, PageLink pageLink);
    }

    private final CheckBoard board;

    public CheckPages(CheckBoard board) {
        this.board = board;
    }

    @GET
    public TemplateInstance checks(@QueryParam("service") String service, @QueryParam("failing") boolean failing,
            @QueryParam("page") Integer page) {
        String slug = Text.blankToNull(service);
        return Templates.checks(board.rows(slug, failing, Page.Request.of(page, Page.DEFAULT_SIZE)), board.counts(slug),
                slug, failing, PageLink.to("/checks").with("service", slug).with("failing", failing ? "true" : null));
    }
}
