package dev.preflight.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.qute.TemplateEnum;
import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.platform.text.Keyed;
import dev.preflight.template.SignOff;

/**
 * What an item counts as at a given moment, derived from what was recorded and from time: a done
 * item whose recurrence ran out is stale, a waiver past its expiry no longer holds, and an item
 * that needs an approver is done only once signed off. An item that follows recovery data (and is
 * not marked not applicable, blocked or waived) counts as what the data says now.
 */
@TemplateEnum
public enum ItemCondition implements Keyed {
    OPEN,
    AWAITING_SIGN_OFF,
    DONE,
    STALE,
    NOT_APPLICABLE,
    BLOCKED,
    WAIVED,
    WAIVER_EXPIRED;

    @Override
    public String toString() {
        return key();
    }

    /** How pages name the condition. */
    public String label() {
        return MessageBundles.get(LaunchMessages.class).item_condition_label(key());
    }

    /** Whether the item counts towards readiness: done (and signed off, and current), not applicable, or waived. */
    public boolean resolved() {
        return this == DONE || this == NOT_APPLICABLE || this == WAIVED;
    }

    /** Whether the item's tick box shows it ticked: done (signed off or not yet), not applicable, or waived. */
    public boolean ticked() {
        return this == DONE || this == AWAITING_SIGN_OFF || this == NOT_APPLICABLE || this == WAIVED;
    }

    public static ItemCondition of(LaunchItem item, Instant now, LocalDate today) {
        if (item.satisfiedBy != null && (item.status == ItemStatus.OPEN || item.status == ItemStatus.DONE)) {
            if (item.linked == null) {
                throw new IllegalStateException("The recovery data of item '" + item.key + "' was not attached");
            }
            if (!item.linked.met()) {
                return item.linked.lapsed() ? STALE : OPEN;
            }
            return item.signOff == SignOff.APPROVER && item.signedOffAt == null ? AWAITING_SIGN_OFF : DONE;
        }
        return switch (item.status) {
            case OPEN -> OPEN;
            case BLOCKED -> BLOCKED;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            case WAIVED -> item.waiverExpires.isBefore(today) ? WAIVER_EXPIRED : WAIVED;
            case DONE -> {
                if (item.recurrenceDays != null && staleAt(item).isBefore(now)) {
                    yield STALE;
                }
                yield item.signOff == SignOff.APPROVER && item.signedOffAt == null ? AWAITING_SIGN_OFF : DONE;
            }
        };
    }

    /** When a done recurring item needs verifying again; null for items without a recurrence or not done. */
    public static Instant staleAt(LaunchItem item) {
        if (item.recurrenceDays == null || item.doneAt == null) {
            return null;
        }
        return item.doneAt.plus(Duration.ofDays(item.recurrenceDays));
    }
}
