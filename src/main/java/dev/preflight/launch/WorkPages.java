package dev.preflight.launch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.security.Roles;

/** "My work": what needs the signed-in person, across every launch. */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class WorkPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance work(MyWork.Work work, int dueSoonDays);
    }

    private final MyWork work;

    public WorkPages(MyWork work) {
        this.work = work;
    }

    @GET
    public TemplateInstance work() {
        return Templates.work(work.of(), MyWork.DUE_SOON_DAYS);
    }
}
