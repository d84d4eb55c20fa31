package dev.preflight.template;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Recovery data that can satisfy an item on its own: in a launch such an item shows the live state
 * of the service's recovery targets, restore tests or runbook instead of a manual tick.
 */
public enum SatisfiedBy {
    /** RTO and RPO are set and every target can be met by its backup set-up. */
    RECOVERY_TARGETS("recovery targets"),
    /** A restore test succeeded within the restore-test cadence. */
    RESTORE_TEST("restore tests"),
    /** The runbook is saved with every required section written. */
    RUNBOOK("runbook");

    private final String label;

    SatisfiedBy(String label) {
        this.label = label;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }

    public String label() {
        return label;
    }
}
