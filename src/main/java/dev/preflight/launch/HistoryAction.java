package dev.preflight.launch;

import dev.preflight.platform.text.Keyed;

/**
 * What a launch's history records as having happened, by people or by the scheduled checks. The
 * key is stored with each event, sent in webhooks and live updates, and named in the audit log
 * ({@code launch.item.<key>}).
 */
public enum HistoryAction implements Keyed {
    OPENED,
    STATE_CHANGED,
    DECIDED,
    GO_AGREED,
    UPGRADED,
    ADDED_BY_UPGRADE,
    REMOVED_BY_UPGRADE,
    DONE,
    NOT_APPLICABLE,
    BLOCKED,
    WAIVED,
    REOPENED,
    EVIDENCE_CHANGED,
    SIGNED_OFF,
    SIGN_OFF_WITHDRAWN,
    SIGN_OFF_RESET,
    VERIFIED_AGAIN,
    REASON_CHANGED,
    WAIVER_CHANGED,
    ASSIGNED,
    DUE_DATE_SET,
    COMMENTED,
    WENT_STALE,
    WAIVER_EXPIRED,
    WAIVER_EXPIRING,
    OVERDUE,
    FELL_DUE;

    @Override
    public String toString() {
        return key();
    }

    /** What setting an item's status records: reopened, done, not_applicable, blocked, waived. */
    static HistoryAction statusSet(ItemStatus status) {
        return switch (status) {
            case OPEN -> REOPENED;
            case DONE -> DONE;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            case BLOCKED -> BLOCKED;
            case WAIVED -> WAIVED;
        };
    }
}
