package dev.preflight.template;

import dev.preflight.platform.text.Keyed;


/**
 * Recovery data that can satisfy an item on its own: in a launch such an item shows the live state
 * of the service's recovery targets, restore tests or runbook instead of a manual tick.
 */
public enum SatisfiedBy implements Keyed {
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

    @Override
    public String toString() {
        return key();
    }

    public String label() {
        return label;
    }
}
