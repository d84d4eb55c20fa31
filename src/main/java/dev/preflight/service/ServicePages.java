package dev.preflight.service;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.PageLink;
import dev.preflight.platform.web.Pages;
import dev.preflight.team.TeamDirectory;
import dev.preflight.team.TeamView;

/** The service catalog's pages: list with search and filters, detail, create, edit and delete. */
@Path("/services")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class ServicePages {

    /** The lifecycles, in order, for the pages' choices. */
    @TemplateGlobal
    static final List<Lifecycle> lifecycles = List.of(Lifecycle.values());

    /** The ways a service can run, for the service form and the template editor's conditions. */
    @TemplateGlobal
    static final List<RunsOn> waysToRun = List.of(RunsOn.values());

    /** The yes/no traits, by their field names in forms and the API. */
    @TemplateGlobal
    static final List<String> traitFields = List.of("storesData", "publicFacing", "personalData");

    /** What a yes/no trait's select offers: "" (not known, or any service in a condition), yes, no. */
    @TemplateGlobal
    static final List<String> traitChoices = List.of("", "yes", "no");

    /** The tiers, most critical first. */
    @TemplateGlobal
    static final List<Integer> tiers = List.of(1, 2, 3);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<ServiceView> page, ServiceFilter filter, List<TeamView> teams,
                PageLink pageLink, String notice);

        static native TemplateInstance list$results(Page<ServiceView> page, ServiceFilter filter, PageLink pageLink);

        static native TemplateInstance detail(ServiceView service, String notice, boolean canEdit,
                List<ServiceLaunches.Row> launches, List<ServiceLaunches.Duty> duties, boolean canOpenLaunch,
                String badgePath, String badgeUrl, ServiceRecovery.Summary recovery, ServiceRunbook.Summary runbook,
                ServiceLaunches.Checks checks);

        static native TemplateInstance form(ServiceForm form, Map<String, String> errors, List<TeamView> teams,
                String editing, Map<String, String> current);

        static native TemplateInstance confirmDelete(ServiceView service);
    }

    private final ServiceCatalog catalog;
    private final TeamDirectory teams;
    private final ServiceLaunches launches;
    private final ServiceRecovery recovery;
    private final ServiceRunbook runbook;

    public ServicePages(ServiceCatalog catalog, TeamDirectory teams, ServiceLaunches launches,
            ServiceRecovery recovery, ServiceRunbook runbook) {
        this.catalog = catalog;
        this.teams = teams;
        this.launches = launches;
        this.recovery = recovery;
        this.runbook = runbook;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("team") String team,
            @QueryParam("tier") String tier, @QueryParam("lifecycle") String lifecycle,
            @QueryParam("page") Integer page, @QueryParam("notice") String notice,
            @HeaderParam("HX-Request") boolean htmx) {
        ServiceFilter filter = ServiceFilter.parse(team, tier, lifecycle, q);
        Page<ServiceView> services = catalog.search(filter, Page.Request.of(page, Page.DEFAULT_SIZE));
        PageLink pageLink = pageLink(filter);
        if (htmx) {
            return Templates.list$results(services, filter, pageLink);
        }
        return Templates.list(services, filter, teams.all(), pageLink, Pages.notice(notice));
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.ENGINEER)
    public TemplateInstance newService(@QueryParam("team") String team) {
        return Templates.form(ServiceForm.blank(team), FormErrors.none(), teams.all(), null, Map.of());
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam ServiceForm form) {
        return Pages.submit(() -> {
            ServiceView created = catalog.create(form.toInput());
            return Pages.seeOther("/services/" + created.slug() + "?notice=created");
        }, e -> formAgain(e, form, null, Map.of()), ProblemType.INVALID_INPUT, ProblemType.CONFLICT);
    }

    @GET
    @Path("{slug}")
    public TemplateInstance detail(@PathParam("slug") String slug, @QueryParam("notice") String notice,
            @Context UriInfo uri) {
        ServiceView service = catalog.get(slug);
        String badge = launches.badgePath(slug);
        return Templates.detail(service, Pages.notice(notice), catalog.mayChange(slug), launches.of(slug),
                launches.duties(slug), launches.mayOpen(slug), badge, uri.getBaseUri().resolve(badge).toString(), recovery.summary(slug),
                runbook.summary(slug), launches.checks(slug));
    }

    @GET
    @Path("{slug}/edit")
    @RolesAllowed(Roles.ENGINEER)
    public TemplateInstance edit(@PathParam("slug") String slug) {
        return Templates.form(ServiceForm.of(catalog.get(slug)), FormErrors.none(), teams.all(), slug, Map.of());
    }

    @POST
    @Path("{slug}")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @BeanParam ServiceForm form) {
        return Pages.submit(() -> {
            catalog.update(slug, form.toInput(), form.version);
            return Pages.seeOther("/services/" + slug + "?notice=updated");
        }, e -> {
            if (e.type() != ProblemType.STALE_VERSION) {
                return formAgain(e, form, slug, Map.of());
            }
            ServiceView stored = catalog.get(slug);
            Map<String, String> current = form.differencesFrom(stored);
            form.version = stored.version();
            return formAgain(e, form, slug, current);
        }, ProblemType.INVALID_INPUT, ProblemType.CONFLICT, ProblemType.STALE_VERSION);
    }

    @GET
    @Path("{slug}/delete")
    @RolesAllowed(Roles.ENGINEER)
    public TemplateInstance confirmDelete(@PathParam("slug") String slug) {
        return Templates.confirmDelete(catalog.get(slug));
    }

    @POST
    @Path("{slug}/delete")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @RestForm Long version) {
        catalog.delete(slug, version);
        return Pages.seeOther("/services?notice=deleted");
    }

    /** The form again with the refusal: field errors, a taken slug, or the version that moved on. */
    private TemplateInstance formAgain(ProblemException e, ServiceForm form, String editing,
            Map<String, String> current) {
        Map<String, String> errors = FormErrors.of(e, e.type() == ProblemType.STALE_VERSION ? "version" : "slug");
        return Templates.form(form, errors, teams.all(), editing, current);
    }

    /** The list's address with the current filters, for its pages. */
    static PageLink pageLink(ServiceFilter filter) {
        return PageLink.to("/services").with("q", filter.q()).with("team", filter.team()).with("tier", filter.tier())
                .with("lifecycle", filter.lifecycle());
    }
}
