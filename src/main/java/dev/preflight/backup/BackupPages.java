package dev.preflight.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.security.Roles;

/** The admin page that explains backups and hands one out (a POST with the form's CSRF token: it is audited). */
@Path("/admin/backup")
@RolesAllowed(Roles.ADMIN)
public class BackupPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance backup(String apiUrl);
    }

    private final Backups backups;

    public BackupPages(Backups backups) {
        this.backups = backups;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@Context UriInfo uri) {
        return Templates.backup(uri.getBaseUriBuilder().path("api/v1/backup").build().toString());
    }

    /** A browser's form post asks for HTML first: it gets the file, or an error page when refused. */
    @POST
    @Path("download")
    @Produces({ Backups.MEDIA_TYPE, MediaType.TEXT_HTML })
    public Response download() {
        return backups.download();
    }
}
