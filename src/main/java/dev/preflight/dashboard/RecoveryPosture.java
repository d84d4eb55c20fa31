package dev.preflight.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.db.Sql;
import dev.preflight.service.DrillFailed;
import dev.preflight.service.ServiceLaunches;
import dev.preflight.service.ServiceRecovery;
import dev.preflight.service.ServiceRecoveryChanged;
import dev.preflight.service.ServiceRunbook;

/**
 * Keeps each service's recovery posture as the board counts it ({@code service_posture}): whether
 * it has recovery targets and they can be met, whether its restore tests are current and its
 * latest drill passed, whether its runbook is complete and was exercised lately. Worked out from
 * what the recovery and runbook pages show, whenever something behind them changes, and again when
 * time makes a restore test or an exercise too old. Team counts follow by database trigger.
 */
@ApplicationScoped
public class RecoveryPosture {

    private static final int BATCH = 50;

    private final ServiceRecovery recovery;
    private final ServiceRunbook runbooks;
    private final ServiceLaunches launches;
    private final Sql sql;
    private final int exerciseEveryDays;
    private final Event<DrillFailed> drillFailed;
    private final ZoneId zone = ZoneId.systemDefault();

    public RecoveryPosture(ServiceRecovery recovery, ServiceRunbook runbooks, ServiceLaunches launches, Sql sql,
            PreflightConfig config, Event<DrillFailed> drillFailed) {
        this.launches = launches;
        this.recovery = recovery;
        this.runbooks = runbooks;
        this.sql = sql;
        this.drillFailed = drillFailed;
        this.exerciseEveryDays = config.recovery().runbookExerciseEveryDays();
    }

    void changed(@Observes ServiceRecoveryChanged change) {
        compute(change.serviceId(), change.serviceSlug(), Instant.now());
    }

    /** Works the service's posture out and stores it, in the current transaction. */
    void compute(long serviceId, String slug, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        ServiceRecovery.Summary targets = recovery.summary(slug);
        ServiceRunbook.Summary runbook = runbooks.summary(slug);
        LocalDate exercised = runbook.lastExercised();
        boolean notExercised = exercised == null || exercised.isBefore(today.minusDays(exerciseEveryDays));
        Instant validUntil = null;
        if (targets.lastRestoreTest() != null && !targets.restoreTestOverdue()) {
            validUntil = startOf(targets.lastRestoreTest().plusDays(targets.restoreTestEveryDays() + 1L));
        }
        if (!notExercised) {
            Instant stale = startOf(exercised.plusDays(exerciseEveryDays + 1L));
            validUntil = validUntil == null || stale.isBefore(validUntil) ? stale : validUntil;
        }
        List<ServiceLaunches.Duty> duties = launches.duties(slug);
        boolean dutiesDue = duties.stream().anyMatch(d -> !d.resolved());
        for (ServiceLaunches.Duty duty : duties) {
            if (duty.resolved() && duty.dueAgain() != null && duty.dueAgain().isAfter(now)) {
                validUntil = validUntil == null || duty.dueAgain().isBefore(validUntil) ? duty.dueAgain() : validUntil;
            }
        }
        Instant until = validUntil;
        Boolean wasOverdue = sql.inTransaction(c -> Sql.first(c, "SELECT restore_test_overdue FROM service_posture "
                + "WHERE service_id = ? AND computed_at IS NOT NULL", r -> r.getBoolean(1), serviceId));
        if (Boolean.FALSE.equals(wasOverdue) && targets.restoreTestOverdue() && targets.lastRestoreTest() != null) {
            drillFailed.fire(new DrillFailed(serviceId, slug, name(serviceId), "restore_test", targets.lastRestoreTest(),
                    "the last successful restore test (" + targets.lastRestoreTest() + ") is older than "
                            + targets.restoreTestEveryDays() + " days"));
        }
        sql.inTransaction(c -> Sql.update(c, """
                UPDATE service_posture SET has_targets = ?, targets_consistent = ?, last_restore_test = ?,
                    latest_drill_failed = ?, restore_test_overdue = ?, runbook_complete = ?, runbook_exercised = ?,
                    runbook_not_exercised = ?, duties_due = ?, valid_until = ?::timestamptz, computed_at = ?
                WHERE service_id = ?""", targets.targets() > 0, targets.consistent(), targets.lastRestoreTest(),
                targets.latestDrillFailed(), targets.restoreTestOverdue(),
                runbook.saved() && runbook.missingSections() == 0, exercised, notExercised, dutiesDue, until, now,
                serviceId));
    }

    private String name(long serviceId) {
        return sql.inTransaction(c -> Sql.first(c, "SELECT name FROM service WHERE id = ?", r -> r.getString(1),
                serviceId));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * Works out anew the postures that time has overtaken or that were never worked out (services
     * from before the board), a batch per transaction. Returns how many.
     */
    public int refresh(int max) {
        int done = 0;
        while (done < max) {
            Instant now = Instant.now();
            int batch = Math.min(BATCH, max - done);
            List<Object[]> due = sql.read(c -> Sql.list(c, """
                    SELECT p.service_id, s.slug FROM service_posture p JOIN service s ON s.id = p.service_id
                    WHERE p.computed_at IS NULL OR p.valid_until <= ? ORDER BY p.service_id LIMIT ?""",
                    r -> new Object[] { r.getLong(1), r.getString(2) }, now, batch));
            if (due.isEmpty()) {
                return done;
            }
            QuarkusTransaction.requiringNew().run(() -> due.forEach(d -> compute((Long) d[0], (String) d[1], now)));
            done += due.size();
            if (due.size() < batch) {
                return done;
            }
        }
        return done;
    }
}
