package dev.preflight.launch;

import java.time.Instant;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

import dev.preflight.identity.Access;
import dev.preflight.identity.CurrentCaller;
import dev.preflight.identity.LiveStreams;
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

    /** What the launch page's keyboard shortcuts do; their keys and words are in the launch messages. */
    @TemplateGlobal
    static final List<String> shortcutKeys = List.of("next-item", "previous-item", "next-open", "toggle-done",
            "evidence", "more", "comment", "next-section", "help");

    /**
     * One section of the launch page: its progress and the items the filter lets through, rendered.
     * A section whose items are all resolved starts collapsed; one further down than the first
     * {@value #ROWS_AT_ONCE} items is deferred. Either leaves its items out until it is opened.
     */
    public record SectionView(Readiness.SectionProgress progress, List<RawString> items, boolean collapsed,
            boolean deferred) {
    }

    /** How many items the launch page renders at once; later sections are read as they come into view. */
    static final int ROWS_AT_ONCE = 60;

    /**
     * How the launch page is asked for: the item filter, whether items are being selected for a
     * change to many, the collapsed section opened, and the notice to show.
     */
    public record PageState(ItemFilter filter, boolean picking, String opened, String notice) {

        static PageState of(String filter, String select, String opened, String notice) {
            return new PageState(ItemFilter.of(filter), select != null && !select.isBlank(), opened, Pages.notice(notice));
        }

        /** The launch page again, as it was asked for. */
        PageLink link(long launch) {
            return PageLink.to("/launches/" + launch).with("filter", filter == ItemFilter.ALL ? null : filter.key())
                    .with("select", picking ? "1" : null);
        }
    }

    /** Everything an item on the launch page shows: the key its rendering is kept under. */
    private record ItemRowKey(long launch, LaunchViews.Item item, LaunchRights rights, boolean picking) {
    }

    /** Everything the launch page shows below the menu, when nothing was refused. */
    private record PageKey(LaunchViews.Detail launch, boolean work, boolean approve, PageState state, String mineOf,
            String burnUp) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<LaunchViews.Summary> page, LaunchFilter filter, List<TeamView> teams,
                List<LaunchState> states, PageLink pageLink, boolean canOpen);

        static native TemplateInstance newLaunch(LaunchForm form, Map<String, String> errors, ServiceView chosen,
                List<ServiceView> services, List<TemplateViews.Summary> templates);

        static native TemplateInstance detail(LaunchViews.Detail launch, RawString body);

        /** The launch page below the menu, rendered once per state of what it shows. */
        static native TemplateInstance detail$body(LaunchViews.Detail launch, List<SectionView> sections,
                PageState state, String nextOpen, LaunchRights rights, Map<String, String> errors,
                List<ChecklistForm.ItemError> itemErrors, RawString burnUp);

        static native TemplateInstance decision(LaunchViews.Detail launch, LaunchRights rights, Map<String, String> errors,
                String decision, String rationale, String conditions, List<Readiness.Concern> blockers);

        static native TemplateInstance upgrade(LaunchViews.Detail launch, LaunchViews.UpgradePreview preview,
                LaunchRights rights, Map<String, String> errors);

        static native TemplateInstance move(LaunchViews.Detail launch, LaunchRights rights, LaunchState to,
                Map<String, String> errors, String comment);

        static native TemplateInstance section(LaunchViews.Detail launch, SectionView section, PageState state);

        static native TemplateInstance progress(LaunchViews.Detail launch, RawString burnUp);

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
    private final LiveStreams streams;
    private final ItemWorkflow items;
    private final CurrentCaller caller;

    public LaunchPages(LaunchWorkflow launches, TemplateUpgrades upgrades, Access access,
            ServiceCatalog services, TemplateLibrary templates, TeamDirectory teams, Fragments fragments,
            LaunchSummaries summaries, LiveFeed feed, LiveStreams streams, ItemWorkflow items, CurrentCaller caller) {
        this.streams = streams;
        this.items = items;
        this.caller = caller;
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
            @QueryParam("notice") String notice, @QueryParam("select") String select,
            @QueryParam("open") String open) {
        LaunchWorkflow.Shown shown = launches.shown(id);
        return detailPage(shown.launch(), shown.rights(), PageState.of(filter, select, open, notice),
                FormErrors.none(), List.of());
    }

    /**
     * The launch page's own form, as posted without JavaScript: a row's tick or sign-off, evidence
     * typed on rows and sent with Enter, or the selected items changed together (all or none). The
     * answer is the page again, at the first item changed, or with each refusal under its item's name.
     */
    @POST
    @Path("{id}/items")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeItems(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        PageState state = PageState.of(form.getFirst("filter"), form.getFirst("select"), null, null);
        String pressed = ChecklistForm.pressedKey(form);
        return Pages.submit(() -> {
            ChecklistForm posted = ChecklistForm.of(form, caller.find().map(c -> c.username()).orElse(""));
            if (posted.key() != null) {
                items.change(id, posted.key(), posted.change(), posted.change().version(), false);
            } else {
                items.changeAll(id, new BulkItemChange(posted.changes()));
            }
            return Pages.seeOther(state.link(id).with("notice", "updated") + "#item-" + posted.firstKey());
        }, e -> {
            LaunchWorkflow.Shown shown = launches.shown(id);
            return detailPage(shown.launch(), shown.rights(), state, FormErrors.none(),
                    ChecklistForm.errors(e, pressed, shown.launch()));
        }, ProblemType.INVALID_INPUT, ProblemType.CONFLICT, ProblemType.STALE_VERSION);
    }

    /** A move that cannot be undone (mark launched, close, cancel) asks first, and for closing or cancelling its reason. */
    @GET
    @Path("{id}/state")
    @RolesAllowed(Roles.ENGINEER)
    public TemplateInstance confirmTransition(@PathParam("id") long id, @QueryParam("to") String to) {
        LaunchState state = Keyed.byKey(LaunchState.class, to == null ? "" : to).filter(LaunchState::reviewOver)
                .orElseThrow(() -> ProblemException.invalid("to", "must be launched, closed or cancelled"));
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
            if (state != null && state.reviewOver()) {
                return Templates.move(shown.launch(), shown.rights(), state, FormErrors.of(e, "comment"), comment);
            }
            return detailPage(shown.launch(), shown.rights(), PageState.of(null, null, null, null),
                    FormErrors.of(e, "state"), List.of());
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
     * change: item, actor, action); the page fetches what changed and marks it. The stream ends when
     * the caller's session or token does.
     */
    @GET
    @Blocking
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Object> events(@PathParam("id") long id, @Context Sse sse) {
        launches.requireExists(id);
        return streams.whileSignedIn(feed.changes().filter(change -> change.launch() == id), sse);
    }

    /** One section of the launch page with its items, for showing it in place. */
    @GET
    @Path("{id}/sections/{key}")
    public TemplateInstance section(@PathParam("id") long id, @PathParam("key") String key,
            @QueryParam("filter") String filter, @QueryParam("select") String select) {
        LaunchWorkflow.Shown shown = launches.shown(id);
        PageState state = PageState.of(filter, select, key, null);
        return sections(shown.launch(), shown.rights(), state).stream().filter(s -> s.progress().key().equals(key))
                .findFirst().map(s -> Templates.section(shown.launch(), s, state))
                .orElseThrow(() -> ProblemException.notFound("Launch " + id + " has no section '" + key + "'."));
    }

    /** The launch's readiness panel, section index and burn-up, for replacing them in place. */
    @GET
    @Path("{id}/progress")
    public TemplateInstance progress(@PathParam("id") long id) {
        LaunchViews.Detail launch = launches.get(id);
        return Templates.progress(launch, burnUp(launch));
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

    private TemplateInstance detailPage(LaunchViews.Detail launch, LaunchRights rights, PageState state,
            Map<String, String> errors, List<ChecklistForm.ItemError> itemErrors) {
        ItemFilter chosen = state.filter();
        RawString burnUp = burnUp(launch);
        Supplier<TemplateInstance> body = () -> {
            List<SectionView> sections = sections(launch, rights, state);
            String nextOpen = launch.items().stream().filter(i -> !i.resolved() && chosen.shows(i, rights.username()))
                    .map(LaunchViews.Item::key).findFirst().orElse(null);
            return Templates.detail$body(launch, sections, state, nextOpen, rights, errors, itemErrors, burnUp);
        };
        if (!errors.isEmpty() || !itemErrors.isEmpty()) {
            return Templates.detail(launch, new RawString(fragments.render(body.get())));
        }
        return Templates.detail(launch, fragments.get(new PageKey(launch, rights.work(), rights.approve(), state,
                chosen == ItemFilter.MINE ? rights.username() : null, burnUp.getValue()), body));
    }

    /**
     * The launch page's sections in order: each collapsed when its items are all resolved, deferred
     * once {@value #ROWS_AT_ONCE} items are rendered above it, else with its items' rows (the section
     * the page was asked to open is always rendered).
     */
    private List<SectionView> sections(LaunchViews.Detail launch, LaunchRights rights, PageState state) {
        Map<String, List<LaunchViews.Item>> bySection = new LinkedHashMap<>();
        launch.items().forEach(i -> bySection.computeIfAbsent(i.section(), k -> new ArrayList<>()).add(i));
        List<SectionView> sections = new ArrayList<>();
        int rendered = 0;
        for (Readiness.SectionProgress s : launch.readiness().sections()) {
            List<LaunchViews.Item> all = bySection.getOrDefault(s.key(), List.of());
            boolean opened = s.key().equals(state.opened());
            boolean collapsed = !opened && !all.isEmpty() && all.stream().allMatch(LaunchViews.Item::resolved);
            List<LaunchViews.Item> shown = all.stream().filter(i -> state.filter().shows(i, rights.username())).toList();
            boolean deferred = !opened && !collapsed && rendered > 0 && rendered + shown.size() > ROWS_AT_ONCE;
            List<RawString> rows = collapsed || deferred ? List.of() : shown.stream()
                    .map(i -> fragments.get(new ItemRowKey(launch.id(), i, rights.forRows(), state.picking()),
                            () -> LaunchItemPages.Templates.itemRow(launch, i, rights,
                                    new ItemForm(), state.picking())))
                    .toList();
            rendered += rows.size();
            sections.add(new SectionView(s, rows, collapsed, deferred));
        }
        return sections;
    }

    private RawString burnUp(LaunchViews.Detail launch) {
        return BurnUp.of(launch, summaries.days(launch.id()));
    }

    static PageLink pageLink(LaunchFilter filter) {
        return PageLink.to("/launches").with("team", filter.team()).with("state", filter.state())
                .with("service", filter.service());
    }
}
