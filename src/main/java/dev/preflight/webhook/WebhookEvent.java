package dev.preflight.webhook;

import dev.preflight.platform.text.Keyed;


/** What a webhook can be told about. */
public enum WebhookEvent implements Keyed {
    /** An item of a launch changed: done, reopened, waived, commented, gone stale... */
    ITEM_CHANGED("an item changed"),
    /** An item that needs an approver was marked done and waits for the sign-off. */
    SIGN_OFF_NEEDED("a sign-off is needed"),
    /** An approver decided go or no-go. */
    DECISION_MADE("a decision was made"),
    /** A running launch passed its target date. */
    LAUNCH_OVERDUE("a launch is overdue"),
    /** A drill did not pass. */
    DRILL_FAILED("a drill failed"),
    /** A waiver ends within a week. */
    WAIVER_EXPIRING("a waiver is expiring");

    private final String label;

    WebhookEvent(String label) {
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
