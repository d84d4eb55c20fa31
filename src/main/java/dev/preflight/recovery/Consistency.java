package dev.preflight.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes a recovery target impossible or fragile with the backup set-up it has, each finding
 * with the reason in words. The rules follow the backup policy of the documents: backups at least
 * as often as the RPO unless point-in-time recovery is on, kept at least 30 days, stored in a
 * separate location, and a measured restore no slower than the RTO.
 */
public final class Consistency {

    /** The shortest retention the documents' backup policy accepts. */
    static final int MIN_RETENTION_DAYS = 30;

    /** One finding about a target: which store, which rule, and why. */
    public record Finding(String dataStore, String rule, String message) {
    }

    private Consistency() {
    }

    /**
     * The findings for a target; {@code lastRestore} is the latest successful drill of its store
     * that measured a recovery time, if any.
     */
    public static List<Finding> of(RecoveryTarget target, Optional<RecoveryDrill> lastRestore) {
        List<Finding> findings = new ArrayList<>();
        String store = target.dataStore();
        String rpo = Durations.shown(target.rpoMinutes());
        Integer interval = target.backupIntervalMinutes();
        if (interval == null && !target.pointInTime()) {
            findings.add(new Finding(store, "no-backups", "RPO " + rpo
                    + " but no backups are taken and point-in-time recovery is off: nothing could be restored"));
        } else if (interval != null && !target.pointInTime() && target.rpoMinutes() < interval) {
            findings.add(new Finding(store, "rpo-below-backup-interval", "RPO " + rpo + " but backups are taken every "
                    + Durations.shown(interval) + " without point-in-time recovery: up to "
                    + Durations.shown(interval) + " of data could be lost"));
        }
        if (interval == null && target.pointInTime()) {
            findings.add(new Finding(store, "no-base-backups", "point-in-time recovery is on but no base backups "
                    + "are taken: the logs can only be replayed onto a backup, so set how often one is taken"));
        }
        if (interval != null || target.pointInTime()) {
            if (!target.separateLocation()) {
                findings.add(new Finding(store, "same-location", "backups are not stored in a separate location: "
                        + "one incident can destroy the data and its backups together"));
            }
            if (target.retentionDays() == null) {
                findings.add(new Finding(store, "no-retention", "no retention is set: keep backups at least "
                        + MIN_RETENTION_DAYS + " days"));
            } else if (target.retentionDays() < MIN_RETENTION_DAYS) {
                findings.add(new Finding(store, "short-retention", "backups are kept " + target.retentionDays()
                        + " days, less than the " + MIN_RETENTION_DAYS + " days the backup policy asks for"));
            }
        }
        lastRestore.filter(d -> d.recoveryMinutes != null && d.recoveryMinutes > target.rtoMinutes())
                .ifPresent(d -> findings.add(new Finding(store, "restore-slower-than-rto", "RTO "
                        + Durations.shown(target.rtoMinutes()) + " but the last restore (" + d.performedOn + ") took "
                        + Durations.shown(d.recoveryMinutes))));
        return findings;
    }
}
