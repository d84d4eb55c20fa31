package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

import dev.preflight.identity.Access;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.db.LiveFeed;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Keyed;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Fragments;
import dev.preflight.platform.web.PageLink;
import dev.preflight.platform.web.Pages;
import dev.preflight.service.ServiceCatalog;
import dev.preflight.service.ServiceFilter;
import dev.preflight.service.ServiceView;
import dev.preflight.team.TeamDirectory;
import dev.preflight.team.TeamView;
import dev.preflight.template.TemplateLibrary;
import dev.preflight.template.TemplateViews;

/**
 * The launch pages: the list, the form that opens a launch, the launch page engineers work in
 * (its items, {@link LaunchItemPages}, update in place with htmx and through plain form posts
 * without JavaScript), the decision form, the report and the template upgrade preview.
 */
@Path("/launches")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class LaunchPages {

    /** The item filters of the launch page. */
    @TemplateGlobal
    static final List<ItemFilter> filters = List.of(ItemFilter.values());

    /** What a launch page's items show when nothing was refused. */
    @TemplateGlobal
    static final Map<String, String> noErrors = Map.of();

    @TemplateGlobal
    static final List<LaunchViews.Event> noChanges = List.of();

    /** One section of the launch page: its progress and the items the filter lets through, rendered. */
    public record SectionView(Readiness.SectionProgress progress, List<RawString> items) {
    }

    /** Everything an item on the launch page shows: the key its rendering is kept under. */
    private record ItemRowKey(long launch, LaunchViews.Item item, boolean work, boolean approve) {
    }

    /** Everything the launch page shows below the menu, when nothing was refused. */
    private record PageKey(LaunchViews.Detail launch, boolean work, boolean approve, ItemFilter filter, String mineOf,
            String notice, String burnUp) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<LaunchViews.Summary> page, LaunchFilter filter, List<TeamView> teams,
                List<LaunchState> states, PageLink pageLink, boolean canOpen);

        static native TemplateInstance newLaunch(LaunchForm form, Map<String, String> errors, ServiceView chosen,
                List<ServiceView> services, List<TemplateViews.Summary> templates);

        static native TemplateInstance detail(LaunchViews.Detail launch, RawString body);

        /** The launch page below the menu, rendered once per state of what it shows. */
        static native TemplateInstance detail$body(LaunchViews.Detail launch, List<SectionView> sections, ItemFilter filter,
                String notice, LaunchRights rights, Map<String, String> errors, RawString burnUp);

        static native TemplateInstance decision(LaunchViews.Detail launch, LaunchRights rights, Map<String, String> errors,
                String decision, String rationale, String conditions, List<Readiness.Concern> blockers);

        static native TemplateInstance upgrade(LaunchViews.Detail launch, LaunchViews.UpgradePreview preview,
                LaunchRights rights, Map<String, String> errors);

        static native TemplateInstance move(LaunchViews.Detail launch, LaunchRights rights, LaunchState to,
                Map<String, String> errors, String comment);

        static native TemplateInstance progress(LaunchViews.Detail launch);

        static native TemplateInstance report(LaunchViews.Detail launch, Instant generated, RawString burnUp);
    }

    private final LaunchWorkflow launches;
    private final TemplateUpgrades upgrades;
    private final Access access;
    private final ServiceCatalog services;
    private final TemplateLibrary templates;
    private final TeamDirectory teams;
    private final Fragments fragments;
    private final LaunchSummaries summaries;
    private final LiveFeed feed;

    public LaunchPages(LaunchWorkflow launches, TemplateUpgrades upgrades, Access access,
            ServiceCatalog services, TemplateLibrary templates, TeamDirectory teams, Fragments fragments,
            LaunchSummaries summaries, LiveFeed feed) {
        this.fragments = fragments;
        this.summaries = summaries;
        this.feed = feed;
        this.launches = launches;
        this.upgrades = upgrades;
        this.access = access;
        this.services = services;
        this.templates = templates;
        this.teams = teams;
    }

    @GET
    public TemplateInstance list(@QueryParam("team") String team, @QueryParam("state") String state,
            @QueryParam("service") String service, @QueryParam("page") Integer page) {
        LaunchFilter filter = LaunchFilter.parse(service, team, state, null, null);
        Page<LaunchViews.Summary> found = launches.search(filter, Page.Request.of(page, Page.DEFAULT_SIZE));
        return Templates.list(found, filter, teams.all(), List.of(LaunchState.values()), pageLink(filter),
                access.mayOpenLaunches());
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.ENGINEER)
    public TemplateInstance newLaunch(@QueryParam("service") String service) {
        return newLaunchForm(LaunchForm.blank(service), FormErrors.none());
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@BeanParam LaunchForm form) {
        return Pages.submit(() -> {
            LaunchViews.Detail opened = launches.open(form.toInput());
            return Pages.seeOther("/launches/" + opened.id() + "?notice=created");
        }, e -> newLaunchForm(form, FormErrors.of(e, "service")), ProblemType.INVALID_INPUT);
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("filter") String filter,
            @QueryParam("notice") String notice) {
        LaunchWorkflow.Shown shown = launches.shown(id);
        return detailPage(shown.launch(), shown.rights(), filter, Pages.notice(notice), FormErrors.none());
    }

    /** A move that cannot be undone (mark launched, cancel) asks first, and for a cancellation its reason. */
    @GET
    @Path("{id}/state")
    @RolesAllowed(Roles.ENGINEER)
    public TemplateInstance confirmTransition(@PathParam("id") long id, @QueryParam("to") String to) {
        LaunchState state = Keyed.byKey(LaunchState.class, to == null ? "" : to).filter(LaunchState::isFinal)
                .orElseThrow(() -> ProblemException.invalid("to", "must be launched or cancelled"));
        LaunchWorkflow.Shown shown = launches.shown(id);
        return Templates.move(shown.launch(), shown.rights(), state, FormErrors.none(), null);
    }

    @POST
    @Path("{id}/state")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("id") long id, @RestForm String to, @RestForm String comment,
            @RestForm Long version) {
        LaunchState state = to == null ? null : Keyed.byKey(LaunchState.class, to).orElse(null);
        return Pages.submit(() -> {
            launches.transition(id, new TransitionInput(state, comment, null), version);
            return Pages.seeOther("/launches/" + id + "?notice=updated");
        }, e -> {
            LaunchWorkflow.Shown shown = launches.shown(id);
            if (state != null && state.isFinal()) {
                return Templates.move(shown.launch(), shown.rights(), state, FormErrors.of(e, "comment"), comment);
            }
            return detailPage(shown.launch(), shown.rights(), null, null, FormErrors.of(e, "state"));
        }, ProblemType.INVALID_INPUT,
                ProblemType.CONFLICT, ProblemType.STALE_VERSION);
    }

    @GET
    @Path("{id}/decision")
    @RolesAllowed(Roles.APPROVER)
    public TemplateInstance decisionForm(@PathParam("id") long id) {
        LaunchWorkflow.Shown shown = launches.shown(id);
        return Templates.decision(shown.launch(), shown.rights(), FormErrors.none(), null, null, null,
                shown.launch().readiness().goBlockers());
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String rationale,
            @RestForm String conditions, @RestForm Long version) {
        LaunchState chosen = decision == null ? null : Keyed.byKey(LaunchState.class, decision).orElse(null);
        return Pages.submit(() -> {
            launches.decide(id, new DecisionInput(chosen, rationale, conditions, null), version);
            return Pages.seeOther("/launches/" + id + "?notice=updated");
        }, e -> {
            LaunchWorkflow.Shown shown = launches.shown(id);
            return Templates.decision(shown.launch(), shown.rights(), FormErrors.of(e, "decision"), decision, rationale,
                    conditions, shown.launch().readiness().goBlockers());
        }, ProblemType.INVALID_INPUT, ProblemType.CONFLICT, ProblemType.NOT_READY, ProblemType.STALE_VERSION);
    }

    /**
     * The launch's changes as they happen, from every instance (server-sent events, each a JSON
     * change: item, actor, action); the page fetches what changed and marks it.
     */
    @GET
    @Blocking
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveFeed.Change> events(@PathParam("id") long id) {
        launches.requireExists(id);
        return feed.changes().filter(change -> change.launch() == id);
    }

    /** The launch's readiness panel, for replacing it in place. */
    @GET
    @Path("{id}/progress")
    public TemplateInstance progress(@PathParam("id") long id) {
        return Templates.progress(launches.get(id));
    }

    /** The go-live report, print-friendly, for the review meeting. */
    @GET
    @Path("{id}/report")
    public TemplateInstance report(@PathParam("id") long id) {
        LaunchViews.Detail launch = launches.get(id);
        return Templates.report(launch, Instant.now(), burnUp(launch));
    }

    /** The go-live report as a Markdown file. */
    @GET
    @Path("{id}/report.md")
    @Produces("text/markdown")
    public Response reportMarkdown(@PathParam("id") long id) {
        return Response.ok(LaunchReport.markdown(launches.get(id)), "text/markdown; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"launch-" + id + "-report.md\"").build();
    }

    @GET
    @Path("{id}/upgrade")
    public TemplateInstance upgradePreview(@PathParam("id") long id) {
        TemplateUpgrades.Shown shown = upgrades.shown(id);
        return Templates.upgrade(shown.launch(), shown.preview(), shown.rights(), FormErrors.none());
    }

    @POST
    @Path("{id}/upgrade")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response upgrade(@PathParam("id") long id, @RestForm Long version, @RestForm Integer to) {
        return Pages.submit(() -> {
            upgrades.upgrade(id, to, version);
            return Pages.seeOther("/launches/" + id + "?notice=updated");
        }, e -> {
            TemplateUpgrades.Shown shown = upgrades.shown(id);
            return Templates.upgrade(shown.launch(), shown.preview(), shown.rights(), FormErrors.of(e, "upgrade"));
        }, ProblemType.CONFLICT, ProblemType.STALE_VERSION);
    }

    /**
     * The form: with a service chosen (from its page) it is fixed; otherwise a choice of the first
     * services by name, and the hint to start from a service's page when there are more.
     */
    private TemplateInstance newLaunchForm(LaunchForm form, Map<String, String> errors) {
        ServiceView chosen = form.service == null || form.service.isBlank() ? null
                : services.search(new ServiceFilter(null, null, null, form.service.trim()),
                        new Page.Request(1, Page.MAX_SIZE)).items().stream()
                        .filter(s -> s.slug().equals(form.service.trim())).findFirst().orElse(null);
        List<ServiceView> all = chosen != null ? List.of()
                : services.search(ServiceFilter.ALL, new Page.Request(1, Page.MAX_SIZE)).items();
        List<TemplateViews.Summary> published = templates.list().stream().filter(t -> t.latestVersion() != null)
                .toList();
        return Templates.newLaunch(form, errors, chosen, all, published);
    }

    private TemplateInstance detailPage(LaunchViews.Detail launch, LaunchRights rights, String filter, String notice,
            Map<String, String> errors) {
        ItemFilter chosen = ItemFilter.of(filter);
        RawString burnUp = burnUp(launch);
        Supplier<TemplateInstance> body = () -> {
            Map<String, List<RawString>> bySection = new LinkedHashMap<>();
            launch.items().stream().filter(i -> chosen.shows(i, rights.username()))
                    .forEach(i -> bySection.computeIfAbsent(i.section(), k -> new ArrayList<>())
                            .add(fragments.get(new ItemRowKey(launch.id(), i, rights.work(), rights.approve()),
                                    () -> LaunchItemPages.Templates.itemRow(launch, i, rights, new ItemForm()))));
            List<SectionView> sections = launch.readiness().sections().stream()
                    .map(s -> new SectionView(s, bySection.getOrDefault(s.key(), List.of()))).toList();
            return Templates.detail$body(launch, sections, chosen, notice, rights, errors, burnUp);
        };
        if (!errors.isEmpty()) {
            return Templates.detail(launch, new RawString(fragments.render(body.get())));
        }
        return Templates.detail(launch, fragments.get(new PageKey(launch, rights.work(), rights.approve(), chosen,
                chosen == ItemFilter.MINE ? rights.username() : null, notice, burnUp.getValue()), body));
    }

    /** The launch's burn-up: the days recorded for it, and today as it is. */
    private RawString burnUp(LaunchViews.Detail launch) {
        return new RawString(BurnUp.svg(LocalDate.ofInstant(launch.createdAt(), ZoneId.systemDefault()),
                launch.targetDate(), LocalDate.now(), summaries.days(launch.id()), launch.readiness().required(),
                launch.readiness().resolved()));
    }

    static PageLink pageLink(LaunchFilter filter) {
        return PageLink.to("/launches").with("team", filter.team()).with("state", filter.state())
                .with("service", filter.service());
    }
}
