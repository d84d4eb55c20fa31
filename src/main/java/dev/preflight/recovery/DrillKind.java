package dev.preflight.recovery;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What was exercised: a restore of a backup, a failover, or a full disaster-recovery exercise. */
public enum DrillKind {
    RESTORE_TEST,
    FAILOVER,
    DR_EXERCISE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
