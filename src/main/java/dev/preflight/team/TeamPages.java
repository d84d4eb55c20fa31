package dev.preflight.team;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Text;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;

/** Team pages: the list with a form to add one, and each team's page to rename or delete it. */
@Path("/teams")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class TeamPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<TeamView> page, String name, String slug, Map<String, String> errors,
                String notice);

        static native TemplateInstance detail(TeamView team, String name, Map<String, String> errors, String notice);

        static native TemplateInstance confirmDelete(TeamView team, String problem);
    }

    private final TeamDirectory teams;

    public TeamPages(TeamDirectory teams) {
        this.teams = teams;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page, @QueryParam("notice") String notice) {
        return Templates.list(teams.list(Page.Request.of(page, Page.DEFAULT_SIZE)), null, null, FormErrors.none(),
                Pages.notice(notice));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String slug) {
        return Pages.submit(() -> {
            TeamView team = teams.create(new TeamInput(Text.blankToNull(slug), name, null));
            return Pages.seeOther("/teams/" + team.slug() + "?notice=created");
        }, e -> Templates.list(teams.list(Page.Request.of(1, Page.DEFAULT_SIZE)), name, slug, FormErrors.of(e, "slug"),
                null), ProblemType.INVALID_INPUT, ProblemType.CONFLICT);
    }

    @GET
    @Path("{slug}")
    public TemplateInstance detail(@PathParam("slug") String slug, @QueryParam("notice") String notice) {
        TeamView team = teams.get(slug);
        return Templates.detail(team, team.name(), FormErrors.none(), Pages.notice(notice));
    }

    @POST
    @Path("{slug}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("slug") String slug, @RestForm String name, @RestForm Long version) {
        return Pages.submit(() -> {
            teams.update(slug, new TeamInput(null, name, null), version);
            return Pages.seeOther("/teams/" + slug + "?notice=updated");
        }, e -> Templates.detail(teams.get(slug), name, FormErrors.of(e, "name"), null),
                ProblemType.INVALID_INPUT, ProblemType.STALE_VERSION);
    }

    @GET
    @Path("{slug}/delete")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance confirmDelete(@PathParam("slug") String slug) {
        return Templates.confirmDelete(teams.get(slug), null);
    }

    @POST
    @Path("{slug}/delete")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @RestForm Long version) {
        return Pages.submit(() -> {
            teams.delete(slug, version);
            return Pages.seeOther("/teams?notice=deleted");
        }, e -> Templates.confirmDelete(teams.get(slug), e.getMessage()), ProblemType.CONFLICT,
                ProblemType.STALE_VERSION);
    }
}
