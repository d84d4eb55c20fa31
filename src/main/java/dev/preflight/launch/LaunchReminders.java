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
    private static final List<LaunchState> OVER = List.of(LaunchState.LAUNCHED, LaunchState.CANCELLED);

    /** A fact about a launch its subscribers hear of: {@code kind} is launch_overdue or waiver_expiring. */
    public record Reminder(String kind, long launchId, long serviceId, Map<String, Object> payload) {
    }

    /** What one check recorded. */
    public record Counts(int stale, int waiversEnded, int waiversEnding, int overdue) {
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
                WHERE l.state NOT IN ('LAUNCHED', 'CANCELLED') AND i.removed_at IS NULL AND i.status = 'DONE'
                    AND i.recurrence_days IS NOT NULL AND i.satisfied_by IS NULL
                    AND i.done_at + make_interval(days => i.recurrence_days) < ?
                    AND NOT EXISTS (SELECT 1 FROM launch_event e WHERE e.item_id = i.id AND e.action = ?
                        AND e.occurred_at >= i.done_at)
                ORDER BY i.id LIMIT ?""", r -> r.getLong(1), now, HistoryAction.WENT_STALE.key(), BATCH));
        List<LaunchItem> stale = staleIds.isEmpty() ? List.of()
                : LaunchItem.<LaunchItem>list("from LaunchItem i join fetch i.launch where i.id in ?1", staleIds);
        for (LaunchItem item : stale) {
            record(item, HistoryAction.WENT_STALE, Map.of("doneAt", item.doneAt.toString(), "recurrenceDays", item.recurrenceDays),
                    now);
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
        return new Counts(stale.size(), ended.size(), ending.size(), overdue.size());
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
