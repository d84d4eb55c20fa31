package dev.preflight.launch;

import org.jboss.resteasy.reactive.RestForm;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.text.Keyed;

/**
 * What an item's forms post: the action (done, not_applicable, blocked, reopen, sign_off,
 * withdraw_sign_off, waive, assign, due, comment), the fields it needs, and the item version the
 * page was showing. Read as a PATCH of the item.
 */
public class ItemForm {

    @RestForm
    public String action;

    @RestForm
    public String evidenceLink;

    @RestForm
    public String evidenceNote;

    @RestForm
    public String reason;

    @RestForm
    public String waiverReason;

    @RestForm
    public String riskOwner;

    @RestForm
    public String compensatingControl;

    @RestForm
    public String expiresOn;

    @RestForm
    public String assignee;

    @RestForm
    public String dueDate;

    @RestForm
    public String comment;

    @RestForm
    public Long version;

    /**
     * "item" when posted from the item's own page, which is then shown again; "panel" when posted
     * from the launch page's in-place panel, which shows a refusal while the row shows a change.
     */
    @RestForm
    public String from;

    /** Set when the launch page shows selection boxes, which the item's new row keeps. */
    @RestForm
    public String select;

    public boolean picking() {
        return select != null && !select.isBlank();
    }

    ItemChange toChange() {
        ItemAction chosen = Keyed.byKey(ItemAction.class, action)
                .orElseThrow(() -> ProblemException.invalid("action", "must be one of the item's actions"));
        return switch (chosen) {
            case DONE -> change(ItemStatus.DONE, evidenceLink, evidenceNote, null, null, null, null, null);
            case NOT_APPLICABLE -> change(ItemStatus.NOT_APPLICABLE, null, null, orEmpty(reason), null, null, null, null);
            case BLOCKED -> change(ItemStatus.BLOCKED, null, null, orEmpty(reason), null, null, null, null);
            case REOPEN -> change(ItemStatus.OPEN, null, null, null, null, null, null, null);
            case SIGN_OFF -> change(null, null, null, null, true, null, null, null);
            case WITHDRAW_SIGN_OFF -> change(null, null, null, null, false, null, null, null);
            case WAIVE -> change(ItemStatus.WAIVED, null, null, null, null, new ItemChange.WaiverInput(
                    waiverReason, riskOwner, compensatingControl, InputValidator.date("waiver.expiresOn", expiresOn)), null, null);
            case ASSIGN -> change(null, null, null, null, null, null, orEmpty(assignee), null);
            case DUE -> change(null, null, null, null, null, null, null, orEmpty(dueDate));
            case COMMENT -> {
                if (comment == null || comment.isBlank()) {
                    throw ProblemException.invalid("comment", "is required: write the remark to add");
                }
                yield change(null, null, null, null, null, null, null, null);
            }
        };
    }

    private ItemChange change(ItemStatus status, String link, String note, String reason, Boolean signOff,
            ItemChange.WaiverInput waiver, String assignee, String dueDate) {
        return new ItemChange(status, link, note, reason, signOff, waiver, assignee, dueDate, comment, version);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
