package dev.preflight.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.platform.Actor;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Role;
import dev.preflight.platform.text.Text;
import dev.preflight.service.Service;
import dev.preflight.service.ServiceRecoveryChanged;
import dev.preflight.service.ServiceTraits;
import dev.preflight.template.Phase;
import dev.preflight.template.Template;
import dev.preflight.template.TemplateContent;
import dev.preflight.template.TemplateVersion;
import dev.preflight.template.Window;

/**
 * Opens launches, moves them through their states and records go / no-go decisions. Item changes
 * are {@link ItemWorkflow}'s, the gate {@link DeployGate}'s, template upgrades
 * {@link TemplateUpgrades}'.
 */
@ApplicationScoped
public class LaunchWorkflow {

    private final InputValidator validator;
    private final Access access;
    private final LaunchRights.Rules rules;
    private final DeployGate gate;
    private final AuditLog audit;
    private final LinkedEvidence linked;
    private final LaunchSummaries summaries;
    private final ItemRows rows;
    private final LaunchPolicies policies;
    private final Event<LaunchDecided> decided;
    private final Event<ServiceRecoveryChanged> postureChanged;

    public LaunchWorkflow(InputValidator validator, Access access, LaunchRights.Rules rules, AuditLog audit,
            LinkedEvidence linked, LaunchSummaries summaries, ItemRows rows, DeployGate gate,
            Event<LaunchDecided> decided, Event<ServiceRecoveryChanged> postureChanged, LaunchPolicies policies) {
        this.policies = policies;
        this.postureChanged = postureChanged;
        this.gate = gate;
        this.rules = rules;
        this.decided = decided;
        this.validator = validator;
        this.access = access;
        this.audit = audit;
        this.linked = linked;
        this.summaries = summaries;
        this.rows = rows;
    }

    /** A launch as its page shows it, and what the caller may do on it. */
    public record Shown(LaunchViews.Detail launch, LaunchRights rights) {
    }

    /** Launches matching the filter, by target date, each with its headline readiness. */
    @Transactional
    public Page<LaunchViews.Summary> search(LaunchFilter filter, Page.Request request) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.service() != null) {
            where.add("l.service.slug = :service");
            params.put("service", filter.service());
        }
        if (filter.team() != null) {
            where.add("l.service.team.slug = :team");
            params.put("team", filter.team());
        }
        if (filter.state() != null) {
            where.add("l.state = :state");
            params.put("state", filter.state());
        }
        if (filter.from() != null) {
            where.add("l.targetDate >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("l.targetDate <= :to");
            params.put("to", filter.to());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = Launch.count("from Launch l" + condition, params);
        List<Launch> launches = Launch.<Launch>find("from Launch l join fetch l.service s join fetch s.team "
                + "join fetch l.templateVersion v join fetch v.template" + condition
                + " order by l.targetDate, l.id", params).page(request.page() - 1, request.size()).list();
        return new Page<>(summaries(launches), request.page(), request.size(), total);
    }

    /** Summaries of the given launches, their items read in one query. */
    List<LaunchViews.Summary> summaries(List<Launch> launches) {
        if (launches.isEmpty()) {
            return List.of();
        }
        Map<Long, List<LaunchItem>> items = LaunchItem.<LaunchItem>list("launch in ?1 and removedAt is null", launches)
                .stream().collect(Collectors.groupingBy(i -> i.launch.id));
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        Map<Service, List<LaunchItem>> byService = new LinkedHashMap<>();
        launches.forEach(l -> byService.computeIfAbsent(l.service, s -> new ArrayList<>())
                .addAll(items.getOrDefault(l.id, List.of())));
        byService.forEach(linked::attach);
        return launches.stream().map(l -> LaunchViews.Summary.of(l,
                Readiness.of(items.getOrDefault(l.id, List.of()), now, today), today)).toList();
    }

    @Transactional
    public LaunchViews.Detail get(long id) {
        return detail(find(id, LockModeType.NONE));
    }

    /** Refuses an id no launch has (404). */
    @Transactional
    public void requireExists(long id) {
        find(id, LockModeType.NONE);
    }

    /** The launch and what the caller may do on it, read in one transaction. */
    @Transactional
    public Shown shown(long id) {
        Launch launch = find(id, LockModeType.NONE);
        return new Shown(detail(launch), rules.of(launch));
    }

    /** One item's page: the launch, the item as it is now, its history (oldest first) and the caller's rights. */
    public record ShownItem(LaunchViews.Detail launch, LaunchViews.Item item, List<LaunchViews.Event> history,
            LaunchRights rights) {
    }

    /** An item's page, read in one transaction. */
    @Transactional
    public ShownItem shownItem(long id, String key) {
        Launch launch = find(id, LockModeType.NONE);
        LaunchViews.Detail detail = detail(launch);
        LaunchItem item = item(launch, key);
        List<LaunchViews.Event> history = LaunchEvent.ofItem(item.id).stream().map(e -> LaunchViews.Event.of(e, key))
                .toList();
        return new ShownItem(detail, detail.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow(),
                history, rules.of(launch));
    }

    /** The launch's history, newest first: launch events and item events. */
    @Transactional
    public List<LaunchViews.Event> history(long id, int limit) {
        Launch launch = find(id, LockModeType.NONE);
        Map<Long, String> keys = LaunchItem.<LaunchItem>list("launch", launch).stream()
                .collect(Collectors.toMap(i -> i.id, i -> i.key));
        return LaunchEvent.ofLaunch(launch.id, limit).stream()
                .map(e -> LaunchViews.Event.of(e, e.itemId == null ? null : keys.get(e.itemId))).toList();
    }

    /** One item's history, oldest first. */
    @Transactional
    public List<LaunchViews.Event> itemHistory(long id, String key) {
        LaunchItem item = item(find(id, LockModeType.NONE), key);
        return LaunchEvent.ofItem(item.id).stream().map(e -> LaunchViews.Event.of(e, key)).toList();
    }

    /** One item as it is now. */
    @Transactional
    public LaunchViews.Item item(long id, String key) {
        Launch launch = find(id, LockModeType.NONE);
        LaunchItem item = item(launch, key);
        linked.attach(launch.service, List.of(item));
        return LaunchViews.Item.of(item, Instant.now(), LocalDate.now());
    }

    @Transactional
    public LaunchViews.Detail open(LaunchInput input) {
        InputValidator.Errors errors = validator.check(input);
        access.require(Role.ENGINEER);
        Service service = errors.has("service") ? null : Service.findBySlug(input.service().trim()).orElseGet(() -> {
            errors.add("service", Service.missing(input.service().trim()));
            return null;
        });
        TemplateVersion version = errors.has("template") || errors.has("templateVersion") ? null
                : publishedVersion(input, errors);
        if (input.targetDate() != null && input.targetDate().isBefore(LocalDate.now())) {
            errors.add("targetDate", "must be today or later");
        }
        List<Map.Entry<TemplateContent.Section, TemplateContent.Item>> applicable = new ArrayList<>();
        if (service != null && version != null) {
            for (TemplateContent.Section section : version.content.sections()) {
                section.items().stream().filter(i -> i.appliesTo(service.tier))
                        .forEach(i -> applicable.add(Map.entry(section, i)));
            }
            if (applicable.isEmpty()) {
                errors.add("template", "none of its items applies to tier " + service.tier + ", the service's tier");
            }
        }
        errors.throwIfAny();
        Caller caller = access.requireLaunchWork(service.team);
        Launch launch = new Launch();
        launch.service = service;
        launch.templateVersion = version;
        launch.name = input.name().trim();
        launch.environment = input.environment().trim();
        launch.targetDate = input.targetDate();
        launch.createdBy = caller.username();
        launch.persist();
        int position = 0;
        ServiceTraits traits = ServiceTraits.of(service);
        for (Map.Entry<TemplateContent.Section, TemplateContent.Item> entry : applicable) {
            LaunchItem item = new LaunchItem();
            item.launch = launch;
            item.key = entry.getValue().key();
            item.copyFrom(entry.getKey(), entry.getValue(), position++);
            item.applyCondition(leftOutBecause(entry.getValue(), traits));
            item.persist();
        }
        Launch.flush();
        Instant now = Instant.now();
        new HistoryEntry(launch, null, HistoryAction.OPENED).status(null, launch.state)
                .details(Map.of("template", version.template.slug, "templateVersion", version.number,
                        "items", applicable.size()))
                .append(caller, now);
        summaries.rebuild(launch, now);
        LaunchViews.Detail detail = detail(launch);
        audit.record("launch.open", "launch", String.valueOf(launch.id), null, summaryOf(launch));
        return detail;
    }

    /** Moves a launch to in review, launched or cancelled, as its state allows. */
    @Transactional
    public LaunchViews.Detail transition(long id, TransitionInput input, Long expectedVersion) {
        InputValidator.Errors errors = validator.check(input);
        errors.throwIfAny();
        Launch launch = find(id, LockModeType.PESSIMISTIC_WRITE);
        Caller caller = access.requireLaunchWork(launch.service.team);
        Versions.check("The launch", launch.version, expectedVersion);
        LaunchState to = input.to();
        if (to == LaunchState.GO || to == LaunchState.NO_GO) {
            throw ProblemException.invalid("to", "go and no-go are decisions: an approver records them with a rationale");
        }
        if (!launch.state.next().contains(to)) {
            throw ProblemException.conflict("A launch that is " + launch.state.label() + " cannot become " + to.label()
                    + (launch.state.next().isEmpty() ? "; it is over." : "; it can become: "
                            + launch.state.next().stream().map(LaunchState::label).sorted()
                                    .collect(Collectors.joining(", ")) + "."));
        }
        Optional<String> refused = rules.of(launch).refusalToMove(launch.state, to);
        if (refused.isPresent()) {
            throw new ForbiddenException(refused.get());
        }
        if (to.needsReason() && Text.blankToNull(input.comment()) == null) {
            throw ProblemException.invalid("comment", "is required when cancelling: say why the launch is cancelled");
        }
        Instant now = Instant.now();
        if (to == LaunchState.LAUNCHED) {
            gate.requireOpen(launch);
            requireGoLiveChecks(launch, now);
        }
        LaunchViews.Summary before = summaryOf(launch);
        LaunchState from = launch.state;
        launch.state = to;
        if (to == LaunchState.LAUNCHED) {
            launch.launchedAt = now;
            for (LaunchItem item : LaunchItem.lockedOf(launch)) {
                Duration window = Window.parse(item.phaseWindow);
                if (item.phase == Phase.AFTER_LAUNCH && window != null) {
                    item.dueAt = now.plus(window);
                }
            }
        }
        if (to == LaunchState.CLOSED) {
            launch.closedAt = now;
        }
        if (from == LaunchState.NO_GO && to == LaunchState.IN_REVIEW) {
            launch.decision = null;
            launch.decisionResolved = null;
        }
        launch.goAgreedBy = null;
        Launch.flush();
        new HistoryEntry(launch, null, HistoryAction.STATE_CHANGED).status(from, to).comment(Text.blankToNull(input.comment()))
                .append(caller, now);
        audit.record("launch.state", "launch", String.valueOf(launch.id), before, summaryOf(launch));
        if (to.reviewOver()) {
            postureChanged.fire(new ServiceRecoveryChanged(launch.service.id, launch.service.slug));
        }
        return detail(launch);
    }

    /** Refuses going live while a blocker of the go-live day's checks is open. */
    private void requireGoLiveChecks(Launch launch, Instant now) {
        List<LaunchItem> items = LaunchItem.of(launch);
        linked.attach(launch.service, items);
        Readiness.of(items, now, LocalDate.now()).phase(Phase.AT_GO_LIVE).map(Readiness.PhaseProgress::openBlockers)
                .filter(open -> !open.isEmpty()).ifPresent(open -> {
                    throw new ProblemException(ProblemType.NOT_READY, "Going live refused: " + open.size()
                            + (open.size() == 1 ? " check" : " checks") + " of the go-live day "
                            + (open.size() == 1 ? "is" : "are") + " open ("
                            + open.stream().map(c -> c.key() + ": " + c.why()).collect(Collectors.joining("; ")) + ").")
                            .with("blockers", open);
                });
    }

    /**
     * Closes a launched launch once every one of its after-launch items is resolved (called after an
     * item change); a launch with no after-launch items stays launched until an approver closes it.
     */
    void closeWhenAfterLaunchResolved(Launch launch, Caller caller, Instant now) {
        LaunchViews.Summary before = closeIfResolved(launch, now);
        if (before != null) {
            closed(launch).append(caller, now);
            audit.record("launch.state", "launch", String.valueOf(launch.id), before, summaryOf(launch));
        }
    }

    /** The same, when an actor that is not a person (an item's check) resolved the last after-launch item. */
    void closeWhenAfterLaunchResolved(Launch launch, Actor actor, Instant now) {
        LaunchViews.Summary before = closeIfResolved(launch, now);
        if (before != null) {
            closed(launch).appendAs(actor, now);
            audit.record(actor, "launch.state", "launch", String.valueOf(launch.id), before, summaryOf(launch));
        }
    }

    /** Closes a launched launch whose after-launch items are all resolved; the summary before, or null. */
    private LaunchViews.Summary closeIfResolved(Launch launch, Instant now) {
        if (launch.state != LaunchState.LAUNCHED) {
            return null;
        }
        List<LaunchItem> items = LaunchItem.of(launch);
        linked.attach(launch.service, items);
        Optional<Readiness.PhaseProgress> after = Readiness.of(items, now, LocalDate.now()).phase(Phase.AFTER_LAUNCH);
        if (after.isEmpty() || !after.get().complete()) {
            return null;
        }
        LaunchViews.Summary before = summaryOf(launch);
        launch.state = LaunchState.CLOSED;
        launch.closedAt = now;
        Launch.flush();
        return before;
    }

    private static HistoryEntry closed(Launch launch) {
        return new HistoryEntry(launch, null, HistoryAction.STATE_CHANGED).status(LaunchState.LAUNCHED, LaunchState.CLOSED)
                .comment("Every after-launch item is resolved.");
    }

    /** Why the item does not apply to a service with these traits; empty when it does. */
    static Optional<String> leftOutBecause(TemplateContent.Item item, ServiceTraits traits) {
        return item.appliesWhen() == null ? Optional.empty() : item.appliesWhen().leftOutBecause(traits);
    }

    /** Records an approver's go or no-go; a go is refused while a blocker is open or a sign-off is missing. */
    @Transactional
    public LaunchViews.Detail decide(long id, DecisionInput input, Long expectedVersion) {
        InputValidator.Errors errors = validator.check(input);
        if (input.decision() != null && input.decision() != LaunchState.GO && input.decision() != LaunchState.NO_GO) {
            errors.add("decision", "must be go or no_go");
        }
        if (input.decision() == LaunchState.NO_GO && Text.blankToNull(input.conditions()) != null) {
            errors.add("conditions", "only a go has conditions");
        }
        errors.throwIfAny();
        Launch launch = find(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireLaunchWork(launch.service.team);
        Caller caller = access.require(Role.APPROVER);
        Versions.check("The launch", launch.version, expectedVersion);
        if (!launch.state.isDecidable()) {
            throw ProblemException.conflict("A launch that is " + launch.state.label() + " cannot be decided: "
                    + (launch.state == LaunchState.PREPARING || launch.state == LaunchState.NO_GO
                            ? "move it to in review first." : "it is over."));
        }
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        List<LaunchItem> items = LaunchItem.lockedOf(launch);
        linked.attach(launch.service, items);
        Readiness readiness = Readiness.of(items, now, today);
        if (input.decision() == LaunchState.GO && !readiness.goBlockers().isEmpty()) {
            List<Readiness.Concern> blockers = readiness.goBlockers();
            throw new ProblemException(ProblemType.NOT_READY, "Go refused: " + blockers.size()
                    + (blockers.size() == 1 ? " item stands" : " items stand") + " in the way ("
                    + blockers.stream().map(c -> c.key() + ": " + c.why()).collect(Collectors.joining("; ")) + ").")
                    .with("blockers", blockers);
        }
        LaunchViews.Summary before = summaryOf(launch);
        LaunchState from = launch.state;
        Map<String, Object> details = new LinkedHashMap<>();
        if (input.decision() == LaunchState.GO) {
            int needed = policies.of(launch.service.tier).goDeciders();
            List<String> agreed = launch.goAgreedBy == null || from != LaunchState.IN_REVIEW ? new ArrayList<>()
                    : new ArrayList<>(launch.goAgreedBy);
            if (agreed.contains(caller.username())) {
                throw ProblemException.conflict("You have agreed to this go already; tier " + launch.service.tier
                        + " needs " + needed + " approvers to agree (so far: " + String.join(", ", agreed) + ").");
            }
            agreed.add(caller.username());
            if (agreed.size() < needed) {
                launch.goAgreedBy = agreed;
                Launch.flush();
                new HistoryEntry(launch, null, HistoryAction.GO_AGREED).comment(input.rationale().trim())
                        .details(Map.of("agreed", agreed, "needed", needed)).append(caller, now);
                audit.record("launch.go_agreed", "launch", String.valueOf(launch.id), null,
                        Map.of("agreed", agreed, "needed", needed));
                return detail(launch);
            }
            if (needed > 1) {
                details.put("agreedBy", agreed);
            }
        }
        launch.goAgreedBy = null;
        launch.state = input.decision();
        launch.decision = input.decision();
        launch.decidedBy = caller.username();
        launch.decidedAt = now;
        launch.decisionRationale = input.rationale().trim();
        launch.decisionConditions = Text.blankToNull(input.conditions());
        launch.decisionResolved = input.decision() == LaunchState.GO
                ? List.copyOf(Readiness.resolvedRequired(items, now, today)) : null;
        Launch.flush();
        details.put("decision", input.decision().key());
        if (launch.decisionConditions != null) {
            details.put("conditions", launch.decisionConditions);
        }
        details.put("percent", readiness.percent());
        new HistoryEntry(launch, null, HistoryAction.DECIDED).status(from, launch.state).comment(launch.decisionRationale)
                .details(details).append(caller, now);
        audit.record("launch.decide", "launch", String.valueOf(launch.id), before, summaryOf(launch));
        decided.fire(new LaunchDecided(launch.id, launch.name, launch.service.name, launch.service.team.id,
                launch.createdBy, launch.decision, caller.username(), launch.decisionRationale, launch.decisionConditions));
        return detail(launch);
    }

    private TemplateVersion publishedVersion(LaunchInput input, InputValidator.Errors errors) {
        Template template = Template.findBySlug(input.template().trim()).orElse(null);
        if (template == null) {
            errors.add("template", "there is no template '" + input.template().trim() + "'");
            return null;
        }
        if (input.templateVersion() == null) {
            return TemplateVersion.latestPublished(template).orElseGet(() -> {
                errors.add("template", "has no published version yet");
                return null;
            });
        }
        return TemplateVersion.find(template, input.templateVersion())
                .filter(v -> v.status == TemplateVersion.Status.PUBLISHED).orElseGet(() -> {
                    errors.add("templateVersion", "is not a published version of '" + template.slug + "'");
                    return null;
                });
    }

    LaunchViews.Detail detail(Launch launch) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        List<LaunchItem> items = rows.of(launch);
        linked.attach(launch.service, items);
        int latest = TemplateVersion.latestPublishedNumber(launch.templateVersion.template)
                .orElse(launch.templateVersion.number);
        return new LaunchViews.Detail(launch.id, launch.name, launch.service.slug, launch.service.name,
                launch.service.team.slug, launch.service.tier, launch.templateVersion.template.slug,
                launch.templateVersion.template.name, launch.templateVersion.number, latest, launch.environment,
                launch.targetDate, java.time.temporal.ChronoUnit.DAYS.between(today, launch.targetDate), launch.state,
                launch.state.next().stream().sorted().toList(), launch.createdBy, launch.createdAt, launch.launchedAt,
                launch.closedAt, launch.goAgreedBy == null ? List.of() : launch.goAgreedBy,
                policies.of(launch.service.tier).goDeciders(),
                LaunchViews.Decision.of(launch), Readiness.of(items, now, today),
                items.stream().map(i -> LaunchViews.Item.of(i, now, today)).toList(), launch.version);
    }

    LaunchViews.Summary summaryOf(Launch launch) {
        return summaries(List.of(launch)).get(0);
    }

    /** The launch, read for changing one of its items: held against state changes until the change commits. */
    static Launch forItemWork(long id) {
        Launch launch = Launch.<Launch>find("from Launch l join fetch l.service s join fetch s.team where l.id = ?1", id)
                .withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no launch " + id + "."));
        if (launch.state == LaunchState.CANCELLED) {
            throw ProblemException.conflict("Launch " + id + " is " + launch.state.label()
                    + ": its items no longer change.");
        }
        return launch;
    }

    static Launch find(long id, LockModeType lock) {
        Launch launch = Launch.findById(id, lock);
        if (launch == null) {
            throw ProblemException.notFound("There is no launch " + id + ".");
        }
        return launch;
    }

    private static LaunchItem item(Launch launch, String key) {
        return LaunchItem.current(launch, key, LockModeType.NONE)
                .orElseThrow(() -> ProblemException.notFound("Launch " + launch.id + " has no item '" + key + "'."));
    }
}
