package dev.preflight.template;

import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.platform.text.Keyed;

/**
 * Recovery data that can satisfy an item on its own: in a launch such an item shows the live state
 * of the service's recovery targets, restore tests or runbook instead of a manual tick.
 */
public enum SatisfiedBy implements Keyed {
    /** RTO and RPO are set and every target can be met by its backup set-up. */
    RECOVERY_TARGETS,
    /** A restore test succeeded within the restore-test cadence. */
    RESTORE_TEST,
    /** The runbook is saved with every required section written. */
    RUNBOOK;

    @Override
    public String toString() {
        return key();
    }

    /** How pages name the data: "recovery targets", "restore tests", "runbook". */
    public String label() {
        return MessageBundles.get(TemplateMessages.class).satisfied_by_label(key());
    }
}
