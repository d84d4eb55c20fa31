package dev.preflight.service;

import java.time.LocalDate;

/** A service's recovery posture as its page summarises it; provided by the recovery feature. */
public interface ServiceRecovery {

    /**
     * @param targets            how many recovery targets are set
     * @param consistent         whether every target can be met by its backup set-up
     * @param lastRestoreTest    the day of the last successful restore test, or null
     * @param restoreTestOverdue whether that is longer ago than the cadence (or never)
     * @param latestDrillFailed  whether the latest drill of any kind did not pass
     * @param restoreTestEveryDays the cadence of restore tests, in days
     */
    record Summary(int targets, boolean consistent, LocalDate lastRestoreTest, boolean restoreTestOverdue,
            boolean latestDrillFailed, int restoreTestEveryDays) {
    }

    Summary summary(String serviceSlug);
}
