package dev.preflight.platform.problems;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The page behind each problem's {@code type} URI, explaining what it means and what to do. */
@Path("/problems")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ProblemPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(ProblemType[] types);

        static native TemplateInstance type(ProblemType type);
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(ProblemType.values());
    }

    @GET
    @Path("{slug}")
    public TemplateInstance type(@PathParam("slug") String slug) {
        return Templates.type(ProblemType.bySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no problem type called '" + slug + "'.")));
    }
}
