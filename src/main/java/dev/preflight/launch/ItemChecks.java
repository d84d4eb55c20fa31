package dev.preflight.launch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.preflight.audit.AuditLog;
import dev.preflight.check.CheckKinds;
import dev.preflight.check.CheckOutcome;
import dev.preflight.check.Observation;
import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.platform.Actor;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.db.Exclusive;
import dev.preflight.platform.db.Sql;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.service.ServiceRecoveryChanged;
import dev.preflight.template.CheckBinding;
import dev.preflight.template.Phase;

/**
 * Runs the checks that tick launch items, and applies what they find. On a schedule, one instance
 * at a time runs the checks that are due (a bounded number at once, each on its kind's period, a
 * check that keeps failing less and less often up to {@code max-backoff}); a person may run one
 * now. Every result is kept ({@code keep-days}); a pass marks its item done (an item that needs an
 * approver then awaits the sign-off), a failure reopens a done item with the failing result as its
 * evidence. Checks do not run for closed or cancelled launches, retired services, items left out
 * or dropped; an item whose launch no longer changes it (before go-live items of a launched
 * launch) keeps its status, but its check still runs and shows drift.
 */
@ApplicationScoped
public class ItemChecks {

    /** Who a check acts as, in an item's history and the audit log. */
    public static final Actor CHECK = new Actor(null, "Preflight check", "check");
    /** How the scheduler signs the results it records. */
    static final String BY_SCHEDULE = "schedule";

    private static final Logger LOG = Logger.getLogger(ItemChecks.class);
    private static final int BATCH = 20_000;
    private static final Duration FIRST_RUN_SPREAD = Duration.ofMinutes(2);
    private static final int HISTORY = 50;

    /** A check that is due, with what fills its placeholders. */
    record Due(long itemId, long launchId, String key, CheckBinding binding, int failures, Map<String, String> values) {
    }

    /** One stored result, for pages and the API. */
    public record Result(long id, CheckOutcome.Verdict verdict, String summary, String asked,
            List<Observation> observations, Instant checkedAt, long tookMillis, String runBy) {

        /** The verdict as pages name it: passed, failed or not_run. */
        public String verdictKey() {
            return verdict.key();
        }
    }

    /** An item's check reopened it: mail tells the people who look after the item. */
    public record Reopened(long launchId, String launchName, String serviceName, String itemKey, String itemTitle,
            String summary, String assignee, String openedBy) {
    }

    private final CheckKinds kinds;
    private final Exclusive exclusive;
    private final Sql sql;
    private final ObjectMapper json;
    private final PreflightConfig.Checks settings;
    private final Access access;
    private final AuditLog audit;
    private final LaunchSummaries summaries;
    private final LaunchWorkflow launches;
    private final Event<Reopened> reopened;
    private final Event<ServiceRecoveryChanged> postureChanged;

    ItemChecks(CheckKinds kinds, Exclusive exclusive, Sql sql, ObjectMapper json, PreflightConfig config, Access access,
            AuditLog audit, LaunchSummaries summaries, LaunchWorkflow launches, Event<Reopened> reopened,
            Event<ServiceRecoveryChanged> postureChanged) {
        this.kinds = kinds;
        this.exclusive = exclusive;
        this.sql = sql;
        this.json = json;
        this.settings = config.checks();
        this.access = access;
        this.audit = audit;
        this.summaries = summaries;
        this.launches = launches;
        this.reopened = reopened;
        this.postureChanged = postureChanged;
    }

    @Scheduled(every = "${preflight.checks.poll:30s}", delayed = "${preflight.checks.poll:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        exclusive.run("item-checks", this::runDue);
    }

    /** Runs every check that is due, a bounded number at once; how many ran. Called on one instance at a time. */
    int runDue() {
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> sql.inTransaction(c -> {
            enrol(c);
            forget(c);
            return claim(c);
        }));
        if (due.isEmpty()) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(Math.max(1, settings.concurrency()), due.size()));
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Due check : due) {
                runs.add(pool.submit(() -> record(check, run(check), BY_SCHEDULE)));
            }
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    LOG.warnf(e.getCause(), "A check could not be recorded");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return due.size();
    }

    /** Runs one item's check now, for a person on the launch's team, and applies what it finds. */
    public Result runNow(long launchId, String key) {
        record Asked(Due check, Caller by) {
        }
        Asked asked = QuarkusTransaction.requiringNew().call(() -> {
            Launch launch = LaunchWorkflow.forItemWork(launchId);
            Caller caller = access.requireLaunchWork(launch.service.team);
            if (launch.state == LaunchState.CLOSED) {
                throw ProblemException.conflict("Launch " + launchId + " is closed: its checks no longer run.");
            }
            LaunchItem item = LaunchItem.current(launch, key, LockModeType.NONE)
                    .orElseThrow(() -> ProblemException.notFound("Launch " + launchId + " has no item '" + key + "'."));
            if (item.checkBinding == null) {
                throw ProblemException.conflict("The item '" + key + "' has no check: people tick it.");
            }
            if (item.leftOut) {
                throw ProblemException.conflict("The item '" + key + "' is left out by its condition: its check does not run.");
            }
            return new Asked(sql.inTransaction(c -> due(c, "i.id = ?", item.id).get(0)), caller);
        });
        return record(asked.check(), run(asked.check()), asked.by().username());
    }

    /** An item's check and its latest results, newest first; 404 for an item without a check. */
    public Results of(long launchId, String key) {
        LaunchViews.Item item = launches.item(launchId, key);
        if (item.check() == null) {
            throw ProblemException.notFound("The item '" + key + "' of launch " + launchId + " has no check: people tick it.");
        }
        return new Results(item.check(), results(launchId, key));
    }

    /** An item's check and what it found, newest first. */
    public record Results(LaunchViews.Check check, List<Result> results) {
    }

    /** An item's latest results, newest first. */
    public List<Result> results(long launchId, String key) {
        return sql.read(c -> Sql.list(c, """
                SELECT r.id, r.verdict, r.summary, r.asked, r.observations::text AS observations, r.checked_at,
                    r.took_ms, r.run_by
                FROM check_result r JOIN launch_item i ON i.id = r.launch_item_id
                WHERE i.launch_id = ? AND i.key = ? AND i.removed_at IS NULL ORDER BY r.id DESC LIMIT ?""",
                r -> new Result(r.getLong("id"), CheckOutcome.Verdict.valueOf(r.getString("verdict")),
                        r.getString("summary"), r.getString("asked"), observations(r.getString("observations")),
                        Sql.instant(r, "checked_at"), r.getLong("took_ms"), r.getString("run_by")),
                launchId, key, HISTORY));
    }

    private CheckOutcome run(Due check) {
        return kinds.run(check.binding().kind(), check.binding().config(), check.values());
    }

    /** Gives each new checked item of a running launch its schedule, the first runs spread over a short while. */
    private static void enrol(Connection c) throws SQLException {
        Sql.update(c, """
                INSERT INTO item_check (launch_item_id, launch_id, service_id, next_run_at)
                SELECT i.id, i.launch_id, l.service_id, now() + random() * ?::interval
                FROM launch_item i JOIN launch l ON l.id = i.launch_id
                WHERE i.check_binding IS NOT NULL AND i.removed_at IS NULL AND l.state NOT IN ('CLOSED', 'CANCELLED')
                    AND NOT EXISTS (SELECT 1 FROM item_check c WHERE c.launch_item_id = i.id)""",
                FIRST_RUN_SPREAD.toSeconds() + " seconds");
    }

    /** Forgets results older than the days kept, but never an item's latest. */
    private void forget(Connection c) throws SQLException {
        Sql.update(c, """
                DELETE FROM check_result r WHERE r.checked_at < now() - ?::interval
                    AND r.id <> (SELECT max(k.id) FROM check_result k WHERE k.launch_item_id = r.launch_item_id)""",
                settings.keepDays() + " days");
    }

    /** Takes the due checks and moves each one's next run a period ahead, so that a crash cannot repeat it at once. */
    private List<Due> claim(Connection c) throws SQLException {
        List<Due> due = due(c, """
                c.next_run_at <= now() AND l.state NOT IN ('CLOSED', 'CANCELLED') AND s.lifecycle <> 'RETIRED'
                    AND i.removed_at IS NULL AND NOT i.left_out ORDER BY c.next_run_at LIMIT ?""", BATCH);
        for (Due check : due) {
            Sql.update(c, "UPDATE item_check SET next_run_at = ? WHERE launch_item_id = ?",
                    Instant.now().plus(period(check.binding().kind())), check.itemId());
        }
        return due;
    }

    private List<Due> due(Connection c, String where, Object parameter) throws SQLException {
        return Sql.list(c, """
                SELECT i.id, i.launch_id, i.key, i.check_binding::text AS binding, coalesce(c.failures, 0) AS failures,
                    s.slug, s.base_url, s.health_url, s.readiness_url, s.metrics_url, s.prometheus_url, s.repository_url
                FROM launch_item i JOIN launch l ON l.id = i.launch_id JOIN service s ON s.id = l.service_id
                    LEFT JOIN item_check c ON c.launch_item_id = i.id
                WHERE""" + " " + where, r -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("slug", r.getString("slug"));
            values.put("baseUrl", r.getString("base_url"));
            values.put("healthUrl", r.getString("health_url"));
            values.put("readinessUrl", r.getString("readiness_url"));
            values.put("metricsUrl", r.getString("metrics_url"));
            values.put("prometheusUrl", r.getString("prometheus_url"));
            values.put("repositoryUrl", r.getString("repository_url"));
            return new Due(r.getLong("id"), r.getLong("launch_id"), r.getString("key"), CheckBinding.parse(json, r.getString("binding")),
                    r.getInt("failures"), values);
        }, parameter);
    }

    /** How long one check of the kind waits for its next run while it passes. */
    Duration period(String kind) {
        return settings.everyKind().getOrDefault(kind, settings.every());
    }

    /**
     * Stores the result, plans the next run (a failing check waits twice as long after each
     * failure, up to the longest back-off, give or take a tenth so that checks spread out) and
     * applies the result to the item.
     */
    private Result record(Due check, CheckOutcome outcome, String runBy) {
        Instant now = Instant.now();
        int failures = outcome.verdict() == CheckOutcome.Verdict.FAILED ? check.failures() + 1 : 0;
        Duration wait = period(check.binding().kind()).multipliedBy(1L << Math.min(failures, 16));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff().compareTo(period(check.binding().kind())) > 0 ? settings.maxBackoff()
                    : period(check.binding().kind());
        }
        long spread = Math.max(1, wait.toMillis() / 10);
        Instant next = now.plus(wait).plusMillis(ThreadLocalRandom.current().nextLong(-spread, spread + 1));
        String observations = text(outcome.observations());
        return QuarkusTransaction.requiringNew().call(() -> {
            long id = sql.inTransaction(c -> {
                Long stored = Sql.first(c, """
                        INSERT INTO check_result (launch_item_id, verdict, summary, asked, observations, checked_at,
                            took_ms, run_by) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING id""", r -> r.getLong(1),
                        check.itemId(), outcome.verdict().name(), outcome.summary(), outcome.asked(), observations,
                        outcome.at(), outcome.tookMillis(), runBy);
                Sql.update(c, """
                        INSERT INTO item_check (launch_item_id, launch_id, service_id, next_run_at, failures)
                        SELECT i.id, i.launch_id, l.service_id, ?, ? FROM launch_item i JOIN launch l ON l.id = i.launch_id
                        WHERE i.id = ?
                        ON CONFLICT (launch_item_id) DO UPDATE SET next_run_at = excluded.next_run_at,
                            failures = excluded.failures""", next, failures, check.itemId());
                return stored;
            });
            apply(check.itemId(), outcome, now);
            return new Result(id, outcome.verdict(), outcome.summary(), outcome.asked(), outcome.observations(),
                    outcome.at(), outcome.tookMillis(), runBy);
        });
    }

    /** What the result does to its item: a pass ticks it, a failure reopens it; it is the item's evidence either way. */
    private void apply(long itemId, CheckOutcome outcome, Instant now) {
        LaunchItem item = LaunchItem.findById(itemId, LockModeType.PESSIMISTIC_WRITE);
        item.checkVerdict = outcome.verdict();
        item.checkSummary = outcome.summary();
        item.checkedAt = outcome.at();
        Launch launch = item.launch;
        LocalDate today = LocalDate.now();
        boolean changes = launch.state.opens(item.phase) && !item.leftOut && item.current()
                && (item.status == ItemStatus.OPEN || item.status == ItemStatus.BLOCKED || item.status == ItemStatus.DONE);
        if (!changes || outcome.verdict() == CheckOutcome.Verdict.NOT_RUN) {
            return;
        }
        ItemStanding before = ItemStanding.of(item, now, today);
        LaunchViews.Item was = LaunchViews.Item.of(item, now, today);
        HistoryAction action;
        if (outcome.verdict() == CheckOutcome.Verdict.PASSED && item.status != ItemStatus.DONE) {
            action = HistoryAction.DONE;
        } else if (outcome.verdict() == CheckOutcome.Verdict.PASSED
                && ItemCondition.of(item, now, today) == ItemCondition.STALE) {
            action = HistoryAction.VERIFIED_AGAIN;
        } else if (outcome.verdict() == CheckOutcome.Verdict.FAILED && item.status == ItemStatus.DONE) {
            action = HistoryAction.REOPENED;
        } else {
            return;
        }
        ItemStatus from = item.status;
        if (action == HistoryAction.REOPENED) {
            item.status = ItemStatus.OPEN;
            item.doneBy = null;
            item.doneAt = null;
            item.signedOffBy = null;
            item.signedOffAt = null;
            item.evidenceNote = "Reopened by its check: " + outcome.summary();
        } else {
            item.status = ItemStatus.DONE;
            item.doneBy = CHECK.name();
            item.doneAt = now;
            item.reason = null;
            item.evidenceNote = "Checked automatically: " + outcome.summary();
        }
        item.evidenceLink = null;
        LaunchItem.flush();
        new HistoryEntry(launch, item, action).status(from == item.status ? null : from, from == item.status ? null : item.status)
                .evidence(null, item.evidenceNote).details(Map.of("check", outcome.summary())).appendAs(CHECK, now);
        audit.record(CHECK, "launch.item." + action, "launch_item", launch.id + "/" + item.key, was,
                LaunchViews.Item.of(item, now, today));
        summaries.changed(launch, item, before, ItemStanding.of(item, now, today), now);
        launches.closeWhenAfterLaunchResolved(launch, CHECK, now);
        if (launch.state.reviewOver() && item.phase == Phase.ONGOING) {
            postureChanged.fire(new ServiceRecoveryChanged(launch.service.id, launch.service.slug));
        }
        if (action == HistoryAction.REOPENED) {
            reopened.fire(new Reopened(launch.id, launch.name, launch.service.name, item.key, item.title,
                    outcome.summary(), item.assignee == null ? null : item.assignee.username, launch.createdBy));
        }
    }

    private String text(List<Observation> observations) {
        try {
            return json.writeValueAsString(observations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Observations are plain records", e);
        }
    }

    private List<Observation> observations(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Observation>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored observations are not JSON", e);
        }
    }
}
