package dev.preflight.runbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.recovery.RecoveryDataChanged;
import dev.preflight.recovery.RecoveryDrill;
import dev.preflight.service.Service;
import dev.preflight.service.ServiceRecoveryChanged;
import dev.preflight.service.ServiceRunbook;
import dev.preflight.template.SatisfiedBy;

/**
 * Keeps each service's runbook: every save of new content is a revision (author, time, note), a
 * save on a stale version is refused, the completeness check lists what the runbook still lacks,
 * and a recorded drill counts as exercising it. Everyone reads; the owning team (or an admin) writes.
 */
@ApplicationScoped
public class Runbooks implements ServiceRunbook {

    private final InputValidator validator;
    private final Access access;
    private final AuditLog audit;
    private final Event<RecoveryDataChanged> changed;
    private final Event<ServiceRecoveryChanged> postureChanged;

    public Runbooks(InputValidator validator, Access access, AuditLog audit, Event<RecoveryDataChanged> changed,
            Event<ServiceRecoveryChanged> postureChanged) {
        this.validator = validator;
        this.access = access;
        this.audit = audit;
        this.changed = changed;
        this.postureChanged = postureChanged;
    }

    @Transactional
    public RunbookViews.Runbook get(String slug) {
        return get(service(slug));
    }

    /** The same, for a service already at hand. */
    @Transactional
    public RunbookViews.Runbook get(Service service) {
        return view(service, Runbook.findById(service.id));
    }

    @Override
    @Transactional
    public Summary summary(String serviceSlug) {
        RunbookViews.Runbook runbook = get(serviceSlug);
        return new Summary(runbook.saved(), runbook.missingSections().size(), runbook.lastExercised(),
                runbook.revision());
    }

    /** Whether the caller may edit the runbook: for showing the form. */
    @Transactional
    public boolean mayChange(String slug) {
        return access.mayChangeTeam(service(slug).team.id);
    }

    /**
     * Saves the runbook. {@code expectedVersion} is its ETag as read (0 before the first save); new
     * content becomes a new revision, a changed "last exercised" date alone does not.
     */
    @Transactional
    public RunbookViews.Runbook save(String slug, RunbookInput input, Long expectedVersion) {
        Service service = service(slug);
        Caller caller = access.requireTeamWrite(service.team);
        InputValidator.Errors errors = validator.check(input);
        if (input.lastExercised() != null && input.lastExercised().isAfter(LocalDate.now())) {
            errors.add("lastExercised", "must not be in the future");
        }
        errors.throwIfAny();
        Runbook runbook = Runbook.findById(service.id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check("The runbook of '" + slug + "'", etag(runbook), expectedVersion);
        RunbookViews.Runbook before = view(service, runbook);
        String content = input.content().replace("\r\n", "\n");
        boolean changedContent = runbook == null || !runbook.content.equals(content);
        if (runbook == null) {
            runbook = new Runbook();
            runbook.serviceId = service.id;
        }
        if (changedContent) {
            runbook.revision++;
            RunbookRevision revision = new RunbookRevision();
            revision.serviceId = service.id;
            revision.number = runbook.revision;
            revision.content = content;
            revision.note = input.note() == null ? "" : input.note().trim();
            revision.author = caller.username();
            revision.createdAt = Instant.now();
            runbook.content = content;
            runbook.updatedBy = caller.username();
            runbook.persist();
            Runbook.flush();
            revision.persist();
            changed.fire(new RecoveryDataChanged(service.id, SatisfiedBy.RUNBOOK, "the runbook changed"));
        }
        boolean exercised = input.lastExercised() != null && !Objects.equals(input.lastExercised(), runbook.lastExercised);
        if (exercised) {
            runbook.lastExercised = input.lastExercised();
            runbook.updatedBy = caller.username();
        }
        if (!changedContent && !exercised) {
            return before;
        }
        Runbook.flush();
        postureChanged.fire(new ServiceRecoveryChanged(service.id, service.slug));
        RunbookViews.Runbook after = view(service, runbook);
        audit.record("runbook.save", "service", slug, summaryOf(before), summaryOf(after));
        return after;
    }

    /** The runbook's revisions, newest first. */
    @Transactional
    public List<RunbookViews.Revision> revisions(String slug) {
        return RunbookRevision.of(service(slug).id).stream()
                .map(r -> new RunbookViews.Revision(r.number, r.author, r.createdAt, r.note)).toList();
    }

    @Transactional
    public RunbookViews.RevisionContent revision(String slug, int number) {
        RunbookRevision r = revisionOf(service(slug), number);
        return new RunbookViews.RevisionContent(r.number, r.author, r.createdAt, r.note, r.content);
    }

    /** Two revisions compared line by line. */
    @Transactional
    public RunbookViews.Diff diff(String slug, int from, int to) {
        Service service = service(slug);
        List<LineDiff.Line> lines = LineDiff.between(revisionOf(service, from).content, revisionOf(service, to).content);
        int added = (int) lines.stream().filter(l -> l.change().equals("added")).count();
        int removed = (int) lines.stream().filter(l -> l.change().equals("removed")).count();
        return new RunbookViews.Diff(from, to, added, removed, lines);
    }


    /**
     * The runbook as it stands. "Last exercised" is the later of the date set by hand and the latest
     * drill of the service: a drill exercises the runbook without changing it.
     */
    private static RunbookViews.Runbook view(Service service, Runbook runbook) {
        return view(service, runbook, RecoveryDrill.<RecoveryDrill>find("serviceId = ?1 order by performedOn desc",
                service.id).firstResultOptional().map(d -> d.performedOn).orElse(null));
    }

    /**
     * The runbooks of many services at once, for counting many launches: two queries whatever their
     * number, the same answer as {@link #get(Service)} for each.
     */
    @Transactional
    public Map<Long, RunbookViews.Runbook> of(Collection<Service> services) {
        List<Long> ids = services.stream().map(s -> s.id).distinct().toList();
        Map<Long, Runbook> runbooks = new HashMap<>();
        Runbook.<Runbook>list("serviceId in ?1", ids).forEach(r -> runbooks.put(r.serviceId, r));
        Map<Long, LocalDate> drilled = new HashMap<>();
        Runbook.getEntityManager().createQuery("select d.serviceId, max(d.performedOn) from RecoveryDrill d "
                + "where d.serviceId in ?1 group by d.serviceId", Object[].class).setParameter(1, ids).getResultList()
                .forEach(row -> drilled.put((Long) row[0], (LocalDate) row[1]));
        Map<Long, RunbookViews.Runbook> views = new HashMap<>();
        for (Service service : services) {
            views.computeIfAbsent(service.id, id -> view(service, runbooks.get(id), drilled.get(id)));
        }
        return views;
    }

    private static RunbookViews.Runbook view(Service service, Runbook runbook, LocalDate drilled) {
        String content = runbook == null ? RunbookSkeleton.skeleton(service.name) : runbook.content;
        List<String> missing = RunbookSkeleton.missing(content);
        LocalDate byHand = runbook == null ? null : runbook.lastExercised;
        LocalDate exercised = byHand == null ? drilled : drilled == null || byHand.isAfter(drilled) ? byHand : drilled;
        return new RunbookViews.Runbook(service.slug, runbook != null, content, missing, missing.isEmpty(),
                runbook == null ? null : exercised, runbook == null ? 0 : runbook.revision,
                runbook == null ? null : runbook.updatedBy, runbook == null ? null : runbook.updatedAt, etag(runbook));
    }

    /** What the audit log keeps of a save: the facts, not two copies of the whole text (the revisions hold it). */
    public record Audited(int revision, LocalDate lastExercised, List<String> missingSections) {
    }

    private static Audited summaryOf(RunbookViews.Runbook runbook) {
        return new Audited(runbook.revision(), runbook.lastExercised(), runbook.missingSections());
    }

    private static long etag(Runbook runbook) {
        return runbook == null ? 0 : runbook.version + 1;
    }

    private static RunbookRevision revisionOf(Service service, int number) {
        return RunbookRevision.find(service.id, number).orElseThrow(() -> ProblemException.notFound(
                "The runbook of '" + service.slug + "' has no revision " + number + "."));
    }

    private static Service service(String slug) {
        return Service.findBySlug(slug)
                .orElseThrow(() -> Service.notFound(slug));
    }
}
