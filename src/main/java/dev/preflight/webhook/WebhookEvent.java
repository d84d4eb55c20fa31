package dev.preflight.webhook;

import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.platform.text.Keyed;

/** What a webhook can be told about. */
public enum WebhookEvent implements Keyed {
    /** An item of a launch changed: done, reopened, waived, commented, gone stale... */
    ITEM_CHANGED,
    /** An item that needs an approver was marked done and waits for the sign-off. */
    SIGN_OFF_NEEDED,
    /** An approver decided go or no-go. */
    DECISION_MADE,
    /** A running launch passed its target date. */
    LAUNCH_OVERDUE,
    /** A drill did not pass. */
    DRILL_FAILED,
    /** A waiver ends within a week. */
    WAIVER_EXPIRING,
    /** After go-live: an after-launch item passed its due time, or an ongoing duty is due again. */
    ITEM_DUE;

    @Override
    public String toString() {
        return key();
    }

    public String label() {
        return MessageBundles.get(WebhookMessages.class).webhook_event_label(key());
    }
}
