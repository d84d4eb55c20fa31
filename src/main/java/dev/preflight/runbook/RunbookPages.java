package dev.preflight.runbook;

import java.util.List;
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
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Markdown;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;
import dev.preflight.service.ServiceCatalog;
import dev.preflight.service.ServiceView;

/** A service's runbook: rendered with its completeness and history, an editor, a comparison of revisions, a print view. */
@Path("/services/{slug}/runbook")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class RunbookPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runbook(ServiceView service, RunbookViews.Runbook runbook, RawString html,
                List<RunbookViews.Revision> revisions, boolean canChange, String content, String note,
                String lastExercised, long version, Map<String, String> errors, boolean stale, String notice);

        static native TemplateInstance diff(ServiceView service, RunbookViews.Diff diff);

        static native TemplateInstance print(ServiceView service, RunbookViews.Runbook runbook, RawString html);
    }

    private final Runbooks runbooks;
    private final ServiceCatalog services;

    public RunbookPages(Runbooks runbooks, ServiceCatalog services) {
        this.runbooks = runbooks;
        this.services = services;
    }

    @GET
    public TemplateInstance page(@PathParam("slug") String slug, @QueryParam("notice") String notice) {
        RunbookViews.Runbook runbook = runbooks.get(slug);
        return page(slug, runbook, runbook.content(), "",
                runbook.lastExercised() == null ? "" : runbook.lastExercised().toString(), runbook.version(),
                FormErrors.none(), false, Pages.notice(notice));
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("slug") String slug, @RestForm String content, @RestForm String note,
            @RestForm String lastExercised, @RestForm Long version) {
        return Pages.submit(() -> {
            runbooks.save(slug, new RunbookInput(content, note, InputValidator.date("lastExercised", lastExercised)),
                    version);
            return Pages.seeOther("/services/" + slug + "/runbook?notice=updated");
        }, e -> {
            RunbookViews.Runbook stored = runbooks.get(slug);
            boolean stale = e.type() == ProblemType.STALE_VERSION;
            return page(slug, stored, content, note, lastExercised, stale ? stored.version() : version,
                    FormErrors.of(e, "content"), stale, null);
        }, ProblemType.INVALID_INPUT, ProblemType.STALE_VERSION);
    }

    @GET
    @Path("diff")
    public TemplateInstance diff(@PathParam("slug") String slug, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "choose the two revisions to compare");
        }
        return Templates.diff(services.get(slug), runbooks.diff(slug, from, to));
    }

    @GET
    @Path("print")
    public TemplateInstance print(@PathParam("slug") String slug) {
        RunbookViews.Runbook runbook = runbooks.get(slug);
        return Templates.print(services.get(slug), runbook, new RawString(Markdown.toSafeHtml(runbook.content())));
    }

    private TemplateInstance page(String slug, RunbookViews.Runbook runbook, String content, String note,
            String lastExercised, Long version, Map<String, String> errors, boolean stale, String notice) {
        return Templates.runbook(services.get(slug), runbook, new RawString(Markdown.toSafeHtml(runbook.content())), runbooks.revisions(slug),
                runbooks.mayChange(slug), content, note == null ? "" : note, lastExercised == null ? "" : lastExercised,
                version == null ? runbook.version() : version, errors, stale, notice);
    }

    /** Template extensions for the runbook pages. */
    @TemplateExtension
    static class Display {

        /** How to add a missing part of a runbook. */
        static String howToAdd(String missing) {
            return RunbookSkeleton.howToAdd(missing);
        }
    }
}
