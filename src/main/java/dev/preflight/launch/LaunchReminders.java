package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.Actor;
import dev.preflight.platform.db.Exclusive;
import dev.preflight.platform.db.Sql;
import dev.preflight.template.Phase;

/**
 * What time alone does to launches, recorded as the system's doing, like a person's change: a
 * recurring item went stale, a waiver ended, a waiver ends within a week, a launch passed its
 * target date. Checked every few minutes by one instance at a time; each fact is recorded once
 * (the history says whether it was), with an event in the launch's history, an audit record and
 * a notice to the webhooks.
 */
@ApplicationScoped
public class LaunchReminders {

    /** A waiver this close to its end is announced. */
    static final int EXPIRING_DAYS = 7;
    private static final String WORK = "launch-reminders";
    private static final int BATCH = 500;
    private static final List<LaunchState> OVER = LaunchState.REVIEW_OVER;

    /** A fact about a launch its subscribers hear of: {@code kind} is launch_overdue or waiver_expiring. */
    public record Reminder(String kind, long launchId, long serviceId, Map<String, Object> payload) {
    }

    /** What one check recorded; {@code due} counts after-launch items past their due time. */
    public record Counts(int stale, int waiversEnded, int waiversEnding, int overdue, int due) {
    }

    private final Exclusive exclusive;
    private final AuditLog audit;
    private final Event<Reminder> reminders;
    private final Sql sql;

    public LaunchReminders(Exclusive exclusive, AuditLog audit, Event<Reminder> reminders, Sql sql) {
        this.exclusive = exclusive;
        this.audit = audit;
        this.reminders = reminders;
        this.sql = sql;
    }

    @Scheduled(every = "${preflight.reminders.every:5m}", delayed = "${preflight.reminders.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        exclusive.run(WORK, () -> check(Instant.now()));
    }

    /** Records what time changed up to {@code now}; the same facts are never recorded twice. */
    @Transactional
    public Counts check(Instant now) {
        LocalDate today = LocalDate.now();
        List<Long> staleIds = sql.inTransaction(c -> Sql.list(c, """
                SELECT i.id FROM launch_item i JOIN launch l ON l.id = i.launch_id
                WHERE (l.state NOT IN ('LAUNCHED', 'CLOSED', 'CANCELLED')
                        OR i.phase = 'ONGOING' AND l.state IN ('LAUNCHED', 'CLOSED'))
                    AND i.removed_at IS NULL AND i.status = 'DONE'
                    AND i.recurrence_days IS NOT NULL AND i.satisfied_by IS NULL
                    AND i.done_at + make_interval(days => i.recurrence_days) < ?
                    AND NOT EXISTS (SELECT 1 FROM launch_event e WHERE e.item_id = i.id AND e.action = ?
                        AND e.occurred_at >= i.done_at)
                ORDER BY i.id LIMIT ?""", r -> r.getLong(1), now, HistoryAction.WENT_STALE.key(), BATCH));
        List<LaunchItem> stale = staleIds.isEmpty() ? List.of() : LaunchItem.<LaunchItem>list(
                "from LaunchItem i join fetch i.launch l join fetch l.service where i.id in ?1", staleIds);
        for (LaunchItem item : stale) {
            record(item, HistoryAction.WENT_STALE, Map.of("doneAt", item.doneAt.toString(), "recurrenceDays", item.recurrenceDays),
                    now);
            if (item.phase == Phase.ONGOING) {
                remindDue(item, "The ongoing duty '" + item.title + "' of " + item.launch.service.name
                        + " is due again: it was last done on " + item.doneAt + " and repeats every "
                        + item.recurrenceDays + " days.");
            }
        }
        List<Long> dueIds = sql.inTransaction(c -> Sql.list(c, """
                SELECT i.id FROM launch_item i JOIN launch l ON l.id = i.launch_id
                WHERE l.state = 'LAUNCHED' AND i.phase = 'AFTER_LAUNCH' AND i.removed_at IS NULL AND i.due_at < ?
                    AND i.status IN ('OPEN', 'BLOCKED')
                    AND NOT EXISTS (SELECT 1 FROM launch_event e WHERE e.item_id = i.id AND e.action = ?)
                ORDER BY i.id LIMIT ?""", r -> r.getLong(1), now, HistoryAction.FELL_DUE.key(), BATCH));
        List<LaunchItem> due = dueIds.isEmpty() ? List.of() : LaunchItem.<LaunchItem>list(
                "from LaunchItem i join fetch i.launch l join fetch l.service where i.id in ?1", dueIds);
        for (LaunchItem item : due) {
            record(item, HistoryAction.FELL_DUE, Map.of("dueAt", item.dueAt.toString()), now);
            remindDue(item, "The after-launch item '" + item.title + "' of " + item.launch.name + " ("
                    + item.launch.service.name + ") was due by " + item.dueAt + " and is still open.");
        }
        List<LaunchItem> ended = LaunchItem.<LaunchItem>find("""
                select i from LaunchItem i join fetch i.launch l where l.state not in ?1 and i.removedAt is null
                and i.status = ?2 and i.waiverExpires < ?3 and not exists (select 1 from LaunchEvent e where
                e.itemId = i.id and e.action = ?4 and e.occurredAt >= i.waivedAt) order by i.id""",
                OVER, ItemStatus.WAIVED, today, HistoryAction.WAIVER_EXPIRED.key()).range(0, BATCH - 1).list();
        for (LaunchItem item : ended) {
            record(item, HistoryAction.WAIVER_EXPIRED, Map.of("expiresOn", item.waiverExpires.toString()), now);
        }
        List<LaunchItem> ending = LaunchItem.<LaunchItem>find("""
                select i from LaunchItem i join fetch i.launch l join fetch l.service where l.state not in ?1
                and i.removedAt is null and i.status = ?2 and i.waiverExpires >= ?3 and i.waiverExpires <= ?4
                and not exists (select 1 from LaunchEvent e where e.itemId = i.id and e.action = ?5
                and e.occurredAt >= i.waivedAt) order by i.id""", OVER, ItemStatus.WAIVED, today,
                today.plusDays(EXPIRING_DAYS), HistoryAction.WAIVER_EXPIRING.key()).range(0, BATCH - 1).list();
        for (LaunchItem item : ending) {
            record(item, HistoryAction.WAIVER_EXPIRING, Map.of("expiresOn", item.waiverExpires.toString()), now);
            reminders.fire(new Reminder("waiver_expiring", item.launch.id, item.launch.service.id, payload(item.launch,
                    "The waiver of '" + item.title + "' on " + item.launch.name + " (" + item.launch.service.name
                            + ") ends on " + item.waiverExpires + "; risk owner " + item.waiverRiskOwner + ".",
                    Map.of("key", item.key, "title", item.title, "expiresOn", item.waiverExpires.toString(),
                            "riskOwner", item.waiverRiskOwner, "link", "/launches/" + item.launch.id + "/items/"
                                    + item.key))));
        }
        List<Launch> overdue = Launch.<Launch>find("""
                select l from Launch l join fetch l.service where l.state not in ?1 and l.targetDate < ?2
                and not exists (select 1 from LaunchEvent e where e.launchId = l.id and e.itemId is null
                and e.action = ?3) order by l.id""", OVER, today, HistoryAction.OVERDUE.key()).range(0, BATCH - 1).list();
        for (Launch launch : overdue) {
            new HistoryEntry(launch, null, HistoryAction.OVERDUE).details(Map.of("targetDate", launch.targetDate.toString()))
                    .appendBySystem(now);
            audit.record(Actor.SYSTEM, "launch.overdue", "launch", String.valueOf(launch.id), null,
                    Map.of("targetDate", launch.targetDate.toString(), "state", launch.state.key()));
            reminders.fire(new Reminder("launch_overdue", launch.id, launch.service.id, payload(launch, launch.name
                    + " (" + launch.service.name + ") passed its target date " + launch.targetDate + " and is still "
                    + launch.state.label() + ".", null)));
        }
        return new Counts(stale.size(), ended.size(), ending.size(), overdue.size(), due.size());
    }

    private void remindDue(LaunchItem item, String summary) {
        reminders.fire(new Reminder("item_due", item.launch.id, item.launch.service.id, payload(item.launch, summary,
                Map.of("key", item.key, "title", item.title, "phase", item.phase.key(),
                        "link", "/launches/" + item.launch.id + "/items/" + item.key))));
    }

    private void record(LaunchItem item, HistoryAction action, Map<String, Object> details, Instant now) {
        new HistoryEntry(item.launch, item, action).details(details).appendBySystem(now);
        audit.record(Actor.SYSTEM, "launch.item." + action, "launch_item", item.launch.id + "/" + item.key, null, details);
    }

    private static Map<String, Object> payload(Launch launch, String summary, Map<String, Object> item) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", summary);
        payload.put("launch", Map.of("id", launch.id, "name", launch.name, "targetDate", launch.targetDate.toString(),
                "state", launch.state.key(), "link", "/launches/" + launch.id));
        payload.put("service", Map.of("slug", launch.service.slug, "name", launch.service.name));
        if (item != null) {
            payload.put("item", item);
        }
        return payload;
    }
}
