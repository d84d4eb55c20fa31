package dev.preflight.recovery;

import dev.preflight.platform.text.Keyed;


/** What was exercised: a restore of a backup, a failover, or a full disaster-recovery exercise. */
public enum DrillKind implements Keyed {
    RESTORE_TEST,
    FAILOVER,
    DR_EXERCISE;

    @Override
    public String toString() {
        return key();
    }
}
