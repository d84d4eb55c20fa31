package dev.preflight.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;

/**
 * A launch's items as pages: an item's own page with every action and its history, the row the
 * launch page shows (replaced in place with htmx), and the form every action posts.
 */
@Path("/launches/{id}/items/{key}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class LaunchItemPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance itemRow(LaunchViews.Detail launch, LaunchViews.Item item, LaunchRights rights,
                ItemForm form, boolean picking);

        static native TemplateInstance itemUpdated(LaunchViews.Detail launch, LaunchViews.Item item,
                Readiness.SectionProgress section, LaunchRights rights, Map<String, String> errors, ItemForm form,
                List<LaunchViews.Event> changes, RawString burnUp);

        static native TemplateInstance panel(LaunchViews.Detail launch, LaunchViews.Item item, LaunchRights rights,
                Map<String, String> errors, ItemForm form, List<ItemChecks.Result> results);

        static native TemplateInstance item(LaunchViews.Detail launch, LaunchViews.Item item,
                List<LaunchViews.Event> history, LaunchRights rights, Map<String, String> errors, ItemForm form,
                String notice, boolean stale, List<ItemChecks.Result> results);

        static native TemplateInstance checked(LaunchViews.Detail launch, LaunchViews.Item item, LaunchRights rights,
                List<ItemChecks.Result> results, String notice);
    }

    private final LaunchWorkflow launches;
    private final ItemWorkflow items;
    private final LaunchSummaries summaries;
    private final ItemChecks checks;

    public LaunchItemPages(LaunchWorkflow launches, ItemWorkflow items, LaunchSummaries summaries, ItemChecks checks) {
        this.launches = launches;
        this.items = items;
        this.summaries = summaries;
        this.checks = checks;
    }

    @GET
    public TemplateInstance item(@PathParam("id") long id, @PathParam("key") String key,
            @QueryParam("notice") String notice) {
        LaunchWorkflow.ShownItem shown = launches.shownItem(id, key);
        return Templates.item(shown.launch(), shown.item(), shown.history(), shown.rights(), FormErrors.none(),
                new ItemForm(), Pages.notice(notice), false, results(shown));
    }

    /**
     * Runs the item's check now. With htmx the answer is the item's check section, with the new
     * result first; without, the item's page again.
     */
    @POST
    @Path("check")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkAgain(@PathParam("id") long id, @PathParam("key") String key,
            @HeaderParam("HX-Request") boolean htmx) {
        checks.runNow(id, key);
        if (htmx) {
            LaunchWorkflow.ShownItem shown = launches.shownItem(id, key);
            return Response.ok(Templates.checked(shown.launch(), shown.item(), shown.rights(), results(shown), "checked"))
                    .build();
        }
        return Pages.seeOther("/launches/" + id + "/items/" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + "?notice=checked#check");
    }

    /**
     * An item's form. With htmx the answer is the item's new row (and the launch's progress, index
     * and burn-up, swapped out of band); without, the page it came from, again. A refused change
     * shows the item with the reason and, for a stale version, what changed meanwhile; nothing typed
     * is lost. From the launch page's in-place panel, a refusal shows in the panel and a change
     * replaces the row.
     */
    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeItem(@PathParam("id") long id, @PathParam("key") String key, @BeanParam ItemForm form,
            @HeaderParam("HX-Request") boolean htmx) {
        boolean panel = htmx && "panel".equals(form.from);
        try {
            items.change(id, key, form.toChange(), form.version, false);
        } catch (ProblemException e) {
            if (!List.of(ProblemType.INVALID_INPUT, ProblemType.STALE_VERSION, ProblemType.CONFLICT).contains(e.type())) {
                throw e;
            }
            return Response.status(e.type().status()).entity(itemAgain(id, key, form, e, htmx, panel)).build();
        }
        if (htmx) {
            ItemForm shown = new ItemForm();
            shown.select = form.select;
            Response.ResponseBuilder answer = Response.ok(itemFragment(launches.shownItem(id, key), FormErrors.none(),
                    shown, List.of()));
            return panel ? answer.header("HX-Retarget", "[id='item-" + key + "']").header("HX-Reswap", "outerHTML")
                    .build() : answer.build();
        }
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
        return Pages.seeOther("item".equals(form.from) ? "/launches/" + id + "/items/" + encoded + "?notice=updated"
                : "/launches/" + id + "?notice=updated#item-" + encoded);
    }

    /** One item as the launch page shows it, for replacing it in place. */
    @GET
    @Path("row")
    public TemplateInstance itemRow(@PathParam("id") long id, @PathParam("key") String key,
            @QueryParam("select") String select) {
        LaunchWorkflow.ShownItem shown = launches.shownItem(id, key);
        ItemForm form = new ItemForm();
        form.select = select;
        return Templates.itemRow(shown.launch(), shown.item(), shown.rights(), form, form.picking());
    }

    /** Everything else that can be done to an item, for the launch page to show in place. */
    @GET
    @Path("panel")
    public TemplateInstance panel(@PathParam("id") long id, @PathParam("key") String key) {
        LaunchWorkflow.ShownItem shown = launches.shownItem(id, key);
        return Templates.panel(shown.launch(), shown.item(), shown.rights(), FormErrors.none(), new ItemForm(),
                latest(shown));
    }

    private TemplateInstance itemAgain(long id, String key, ItemForm form, ProblemException e, boolean htmx,
            boolean panel) {
        boolean stale = e.type() == ProblemType.STALE_VERSION;
        Map<String, String> errors = FormErrors.of(e, stale ? "version" : "action");
        LaunchWorkflow.ShownItem shown = launches.shownItem(id, key);
        form.version = shown.item().version();
        if (panel) {
            return Templates.panel(shown.launch(), shown.item(), shown.rights(), errors, form, latest(shown));
        }
        if (htmx) {
            return itemFragment(shown, errors, form, stale ? latest(shown.history(), 3) : List.of());
        }
        return Templates.item(shown.launch(), shown.item(), shown.history(), shown.rights(), errors, form, null, stale,
                results(shown));
    }

    /** The latest result only, for the launch page's panel. */
    private List<ItemChecks.Result> latest(LaunchWorkflow.ShownItem shown) {
        return results(shown).stream().limit(1).toList();
    }

    private List<ItemChecks.Result> results(LaunchWorkflow.ShownItem shown) {
        return shown.item().check() == null ? List.of() : checks.results(shown.launch().id(), shown.item().key());
    }

    private TemplateInstance itemFragment(LaunchWorkflow.ShownItem shown, Map<String, String> errors,
            ItemForm form, List<LaunchViews.Event> changes) {
        Readiness.SectionProgress section = shown.launch().readiness().sections().stream()
                .filter(s -> s.key().equals(shown.item().section())).findFirst().orElseThrow();
        return Templates.itemUpdated(shown.launch(), shown.item(), section, shown.rights(), errors, form, changes,
                BurnUp.of(shown.launch(), summaries.days(shown.launch().id())));
    }

    private static List<LaunchViews.Event> latest(List<LaunchViews.Event> history, int count) {
        List<LaunchViews.Event> latest = new ArrayList<>(history.subList(Math.max(0, history.size() - count),
                history.size()));
        Collections.reverse(latest);
        return latest;
    }
}
