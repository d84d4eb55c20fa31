package dev.preflight.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;
import dev.preflight.service.ServiceCatalog;
import dev.preflight.service.ServiceView;

/**
 * A service's recovery page: its targets with the consistency findings and a form to change them,
 * the drill log with a chart of recovery times against the RTO, and a form to record a drill.
 */
@Path("/services/{slug}/recovery")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class RecoveryPages {

    /** The drill kinds and outcomes, in order, for the form's choices. */
    @TemplateGlobal
    static final List<DrillKind> kinds = List.of(DrillKind.values());

    @TemplateGlobal
    static final List<DrillOutcome> outcomes = List.of(DrillOutcome.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance recovery(ServiceView service, RecoveryViews.Plan plan,
                List<RecoveryViews.Drill> drills, boolean canChange, List<TargetRow> rows, long version,
                Map<String, String> errors, DrillForm drill, String notice, RawString chart);
    }

    private final RecoveryBook book;
    private final ServiceCatalog services;

    public RecoveryPages(RecoveryBook book, ServiceCatalog services) {
        this.book = book;
        this.services = services;
    }

    @GET
    public TemplateInstance page(@PathParam("slug") String slug, @QueryParam("notice") String notice) {
        RecoveryViews.Plan plan = book.plan(slug);
        List<TargetRow> rows = new ArrayList<>(plan.targets().stream().map(TargetRow::of).toList());
        rows.add(TargetRow.blank());
        return page(slug, plan, rows, plan.version(), FormErrors.none(), new DrillForm(), Pages.notice(notice));
    }

    @POST
    @Path("targets")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveTargets(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        List<TargetRow> rows = TargetRow.read(form);
        Long version = parseVersion(form.getFirst("version"));
        return Pages.submit(() -> {
            InputValidator.Errors errors = new InputValidator.Errors();
            List<TargetInput> inputs = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                inputs.add(rows.get(i).toInput(i, errors));
            }
            if (!errors.isEmpty()) {
                book.check(inputs, errors);
                errors.throwIfAny();
            }
            book.saveTargets(slug, inputs, version);
            return Pages.seeOther("/services/" + slug + "/recovery?notice=updated");
        }, e -> {
            Map<String, String> errors = FormErrors.of(e, "targets");
            List<TargetRow> typed = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                typed.add(rows.get(i).withErrors(i, errors));
            }
            typed.add(TargetRow.blank());
            RecoveryViews.Plan plan = book.plan(slug);
            return page(slug, plan, typed, e.type() == ProblemType.STALE_VERSION ? plan.version() : version,
                    errors, new DrillForm(), null);
        }, ProblemType.INVALID_INPUT, ProblemType.STALE_VERSION);
    }

    @POST
    @Path("drills")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordDrill(@PathParam("slug") String slug, @BeanParam DrillForm form) {
        return Pages.submit(() -> {
            book.recordDrill(slug, form.toInput());
            return Pages.seeOther("/services/" + slug + "/recovery?notice=created#drills");
        }, e -> {
            RecoveryViews.Plan plan = book.plan(slug);
            List<TargetRow> rows = new ArrayList<>(plan.targets().stream().map(TargetRow::of).toList());
            rows.add(TargetRow.blank());
            return page(slug, plan, rows, plan.version(), FormErrors.of(e, "kind"), form, null);
        }, ProblemType.INVALID_INPUT);
    }

    private TemplateInstance page(String slug, RecoveryViews.Plan plan, List<TargetRow> rows, long version,
            Map<String, String> errors, DrillForm drill, String notice) {
        List<RecoveryViews.Drill> drills = book.drills(slug);
        Integer rto = plan.targets().stream().filter(t -> t.dataStore().isEmpty()).findFirst()
                .map(RecoveryViews.Target::rtoMinutes).orElse(null);
        return Templates.recovery(services.get(slug), plan, drills, book.mayChange(slug), rows, version, errors, drill,
                notice, new RawString(RecoveryChart.svg(drills, rto)));
    }

    private static Long parseVersion(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "must be the version the page showed");
        }
    }
}
