package dev.preflight.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.text.Text;
import dev.preflight.service.DrillFailed;
import dev.preflight.service.Service;
import dev.preflight.service.ServiceRecovery;
import dev.preflight.service.ServiceRecoveryChanged;
import dev.preflight.template.SatisfiedBy;

/**
 * Keeps each service's recovery targets and its drill log: validates targets and checks them
 * against the backup set-up, judges each drill against the targets in force, and tells when the
 * last successful restore test is too old. Everyone reads; the owning team (or an admin) writes,
 * backup jobs too, with a token.
 */
@ApplicationScoped
public class RecoveryBook implements ServiceRecovery {

    private static final int MAX_TARGETS = 50;

    private final InputValidator validator;
    private final Access access;
    private final AuditLog audit;
    private final RecoveryDefaults defaults;
    private final Event<RecoveryDataChanged> changed;
    private final Event<ServiceRecoveryChanged> postureChanged;
    private final Event<DrillFailed> drillFailed;

    public RecoveryBook(InputValidator validator, Access access, AuditLog audit, RecoveryDefaults defaults,
            Event<RecoveryDataChanged> changed, Event<ServiceRecoveryChanged> postureChanged,
            Event<DrillFailed> drillFailed) {
        this.drillFailed = drillFailed;
        this.validator = validator;
        this.access = access;
        this.audit = audit;
        this.defaults = defaults;
        this.changed = changed;
        this.postureChanged = postureChanged;
    }

    /** The service's targets with their findings, the tier's defaults and the state of restore tests. */
    @Transactional
    public RecoveryViews.Plan plan(String slug) {
        return view(service(slug));
    }

    /** The same, for a service already at hand. */
    @Transactional
    public RecoveryViews.Plan plan(Service service) {
        return view(service);
    }

    @Override
    @Transactional
    public Summary summary(String serviceSlug) {
        Service service = service(serviceSlug);
        RecoveryViews.Plan plan = view(service);
        boolean latestFailed = RecoveryDrill.of(service.id).stream().findFirst()
                .map(d -> !RecoveryViews.Drill.of(d).passed()).orElse(false);
        return new Summary(plan.targets().size(), plan.consistent(), plan.lastRestoreTest(), plan.restoreTestOverdue(),
                latestFailed, defaults.restoreTestEveryDays());
    }

    /** Whether the caller may change the service's targets and record drills: for showing forms. */
    @Transactional
    public boolean mayChange(String slug) {
        return access.mayChangeTeam(service(slug).team.id);
    }

    /**
     * Replaces the service's targets. {@code expectedVersion} is the plan's ETag as read (0 while
     * the service has none), so two people setting targets at once never overwrite each other.
     */
    @Transactional
    public RecoveryViews.Plan saveTargets(String slug, List<TargetInput> inputs, Long expectedVersion) {
        Service service = service(slug);
        Caller caller = access.requireTeamWrite(service.team);
        InputValidator.Errors errors = new InputValidator.Errors();
        List<RecoveryTarget> targets = targets(inputs, errors);
        errors.throwIfAny();
        RecoveryPlan plan = RecoveryPlan.findById(service.id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check("The recovery targets of '" + slug + "'", etag(plan), expectedVersion);
        RecoveryViews.Plan before = view(service);
        if (plan == null) {
            plan = new RecoveryPlan();
            plan.serviceId = service.id;
        }
        plan.targets = targets;
        plan.updatedBy = caller.username();
        plan.persist();
        RecoveryPlan.flush();
        changed.fire(new RecoveryDataChanged(service.id, SatisfiedBy.RECOVERY_TARGETS, "the recovery targets changed"));
        postureChanged.fire(new ServiceRecoveryChanged(service.id, service.slug));
        RecoveryViews.Plan after = view(service);
        audit.record("recovery.targets", "service", slug, before, after);
        return after;
    }

    /** The service's drills, latest first, each judged against the targets in force when recorded. */
    @Transactional
    public List<RecoveryViews.Drill> drills(String slug) {
        return RecoveryDrill.of(service(slug).id).stream().map(RecoveryViews.Drill::of).toList();
    }

    @Transactional
    public RecoveryViews.Drill recordDrill(String slug, DrillInput input) {
        Service service = service(slug);
        Caller caller = access.requireTeamWrite(service.team);
        InputValidator.Errors errors = validator.check(input);
        Integer recovery = duration(input.recoveryTime(), "recoveryTime", 0, errors);
        if (input.kind() == DrillKind.RESTORE_TEST && recovery == null && !errors.has("recoveryTime")) {
            errors.add("recoveryTime", "is required for a restore test: how long the restore took");
        }
        Integer loss = duration(input.dataLoss(), "dataLoss", 0, errors);
        if (input.performedOn() != null && input.performedOn().isAfter(LocalDate.now())) {
            errors.add("performedOn", "must not be in the future");
        }
        errors.throwIfAny();
        String store = store(input.dataStore());
        RecoveryDefaults.Objectives inForce = inForce(service, store);
        RecoveryDrill drill = new RecoveryDrill();
        drill.serviceId = service.id;
        drill.kind = input.kind();
        drill.dataStore = store;
        drill.performedOn = input.performedOn();
        drill.recoveryMinutes = recovery;
        drill.dataLossMinutes = loss;
        drill.outcome = input.outcome();
        drill.notes = input.notes() == null ? "" : input.notes().trim();
        drill.evidenceLink = Text.blankToNull(input.evidenceLink());
        drill.recordedBy = caller.username();
        drill.targetRtoMinutes = inForce.rtoMinutes();
        drill.targetRpoMinutes = inForce.rpoMinutes();
        drill.persistAndFlush();
        if (drill.kind == DrillKind.RESTORE_TEST) {
            changed.fire(new RecoveryDataChanged(service.id, SatisfiedBy.RESTORE_TEST, "a restore test was recorded"));
        }
        postureChanged.fire(new ServiceRecoveryChanged(service.id, service.slug));
        RecoveryViews.Drill view = RecoveryViews.Drill.of(drill);
        if (!view.passed()) {
            drillFailed.fire(new DrillFailed(service.id, service.slug, service.name, drill.kind.name().toLowerCase(
                    Locale.ROOT), drill.performedOn, "a " + drill.kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " on " + drill.performedOn + " did not pass (" + drill.outcome.name().toLowerCase(Locale.ROOT)
                    + (Boolean.FALSE.equals(view.rtoMet()) ? ", recovery slower than the RTO" : "") + ")"));
        }
        audit.record("recovery.drill", "service", slug, null, view);
        return view;
    }

    private RecoveryViews.Plan view(Service service) {
        return view(service, RecoveryPlan.findById(service.id), RecoveryDrill.of(service.id));
    }

    /**
     * The plans of many services at once, for counting many launches: two queries whatever their
     * number, the same answer as {@link #plan(Service)} for each.
     */
    @Transactional
    public Map<Long, RecoveryViews.Plan> plans(Collection<Service> services) {
        List<Long> ids = services.stream().map(s -> s.id).distinct().toList();
        Map<Long, RecoveryPlan> plans = new HashMap<>();
        RecoveryPlan.<RecoveryPlan>list("serviceId in ?1", ids).forEach(p -> plans.put(p.serviceId, p));
        Map<Long, List<RecoveryDrill>> drills = RecoveryDrill.ofServices(ids);
        Map<Long, RecoveryViews.Plan> views = new HashMap<>();
        for (Service service : services) {
            views.computeIfAbsent(service.id,
                    id -> view(service, plans.get(id), drills.getOrDefault(id, List.of())));
        }
        return views;
    }

    private RecoveryViews.Plan view(Service service, RecoveryPlan plan, List<RecoveryDrill> drills) {
        List<RecoveryViews.Target> targets = new ArrayList<>();
        boolean consistent = true;
        for (RecoveryTarget target : plan == null ? List.<RecoveryTarget>of() : plan.targets) {
            Optional<RecoveryDrill> lastRestore = drills.stream()
                    .filter(d -> d.kind == DrillKind.RESTORE_TEST && d.outcome == DrillOutcome.SUCCESS
                            && d.recoveryMinutes != null && d.dataStore.equalsIgnoreCase(target.dataStore()))
                    .findFirst();
            List<Consistency.Finding> findings = Consistency.of(target, lastRestore);
            consistent &= findings.isEmpty();
            targets.add(RecoveryViews.Target.of(target, findings));
        }
        LocalDate lastRestoreTest = drills.stream()
                .filter(d -> d.kind == DrillKind.RESTORE_TEST && RecoveryViews.Drill.of(d).passed())
                .map(d -> d.performedOn).findFirst().orElse(null);
        LocalDate failedRestoreTest = drills.stream().filter(d -> d.kind == DrillKind.RESTORE_TEST).findFirst()
                .filter(d -> !RecoveryViews.Drill.of(d).passed()).map(d -> d.performedOn).orElse(null);
        boolean overdue = lastRestoreTest == null
                || lastRestoreTest.isBefore(LocalDate.now().minusDays(defaults.restoreTestEveryDays()));
        RecoveryDefaults.Objectives tier = defaults.of(service.tier);
        return new RecoveryViews.Plan(service.slug, List.copyOf(targets), consistent,
                new RecoveryViews.Defaults(service.tier, Durations.shown(tier.rtoMinutes()),
                        Durations.shown(tier.rpoMinutes()), defaults.restoreTestEveryDays()),
                lastRestoreTest, failedRestoreTest, overdue, plan == null ? null : plan.updatedBy, plan == null ? null : plan.updatedAt,
                etag(plan));
    }

    /** The plan's version as clients see it: 0 before any target was set, then one more with each save. */
    private static long etag(RecoveryPlan plan) {
        return plan == null ? 0 : plan.version + 1;
    }

    /** The targets for the store, else the service-wide ones, else the tier's defaults. */
    private RecoveryDefaults.Objectives inForce(Service service, String store) {
        RecoveryPlan plan = RecoveryPlan.findById(service.id);
        List<RecoveryTarget> targets = plan == null ? List.of() : plan.targets;
        return targets.stream().filter(t -> t.dataStore().equalsIgnoreCase(store)).findFirst()
                .or(() -> targets.stream().filter(t -> t.dataStore().isEmpty()).findFirst())
                .map(t -> new RecoveryDefaults.Objectives(t.rtoMinutes(), t.rpoMinutes()))
                .orElseGet(() -> defaults.of(service.tier));
    }

    /** Adds what is wrong with the targets to the errors, each field named targets[i].field. */
    public void check(List<TargetInput> inputs, InputValidator.Errors errors) {
        targets(inputs, errors);
    }

    private List<RecoveryTarget> targets(List<TargetInput> inputs, InputValidator.Errors errors) {
        if (inputs.size() > MAX_TARGETS) {
            errors.add("targets", "must hold at most " + MAX_TARGETS + " targets").throwIfAny();
        }
        List<RecoveryTarget> targets = new ArrayList<>();
        Set<String> stores = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "targets[" + i + "].";
            TargetInput input = inputs.get(i);
            if (input == null) {
                errors.add("targets[" + i + "]", "is required: an object with rto and rpo");
                continue;
            }
            validator.check(input, prefix, errors);
            String store = store(input.dataStore());
            if (!stores.add(store.toLowerCase(Locale.ROOT))) {
                errors.add(prefix + "dataStore", store.isEmpty() ? "the whole service has a target already"
                        : "'" + store + "' has a target already");
            }
            Integer rto = errors.has(prefix + "rto") ? null : duration(input.rto(), prefix + "rto", 1, errors);
            Integer rpo = errors.has(prefix + "rpo") ? null : duration(input.rpo(), prefix + "rpo", 0, errors);
            Integer every = errors.has(prefix + "backupEvery") ? null
                    : duration(input.backupEvery(), prefix + "backupEvery", 1, errors);
            if (rto != null && rpo != null) {
                targets.add(new RecoveryTarget(store, rto, rpo, every, input.retentionDays(),
                        Boolean.TRUE.equals(input.pointInTime()), Boolean.TRUE.equals(input.separateLocation())));
            }
        }
        return targets;
    }

    /** A duration field: null when blank, else minutes between {@code min} and a year, or an error. */
    private static Integer duration(String text, String field, int min, InputValidator.Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Integer minutes = Durations.minutes(text);
        if (minutes == null) {
            errors.add(field, "must be a duration such as \"4 h\", \"15 min\" or \"1 h 30 min\"");
        } else if (minutes < min || minutes > Durations.MAX_MINUTES) {
            errors.add(field, "must be between " + Durations.shown(min) + " and 365 d");
            return null;
        }
        return minutes;
    }

    private static String store(String dataStore) {
        return dataStore == null ? "" : dataStore.trim();
    }

    private static Service service(String slug) {
        return Service.findBySlug(slug)
                .orElseThrow(() -> Service.notFound(slug));
    }
}
