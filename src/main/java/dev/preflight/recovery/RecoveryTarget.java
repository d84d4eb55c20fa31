package dev.preflight.recovery;

/**
 * The recovery objectives of a service, or of one of its data stores, and the backup set-up meant
 * to meet them. Kept in the service's recovery plan.
 *
 * @param dataStore               empty for the whole service, else a name such as "orders DB"
 * @param rtoMinutes              the longest acceptable outage
 * @param rpoMinutes              the most data, in time, that may be lost
 * @param backupIntervalMinutes   how often a backup is taken; null when none is
 * @param retentionDays           how long backups are kept; null when not set
 * @param pointInTime             whether point-in-time recovery (continuous log archiving) is on
 * @param separateLocation        whether backups are stored apart from what they protect
 */
public record RecoveryTarget(String dataStore, int rtoMinutes, int rpoMinutes, Integer backupIntervalMinutes,
        Integer retentionDays, boolean pointInTime, boolean separateLocation) {
}
