package dev.preflight.launch;


import org.jboss.resteasy.reactive.RestForm;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemException;

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

    /** "item" when posted from the item's own page, which is then shown again. */
    @RestForm
    public String from;

    ItemChange toChange() {
        String action = this.action == null ? "" : this.action;
        return switch (action) {
            case "done" -> change(ItemStatus.DONE, evidenceLink, evidenceNote, null, null, null, null, null);
            case "not_applicable" -> change(ItemStatus.NOT_APPLICABLE, null, null, orEmpty(reason), null, null, null, null);
            case "blocked" -> change(ItemStatus.BLOCKED, null, null, orEmpty(reason), null, null, null, null);
            case "reopen" -> change(ItemStatus.OPEN, null, null, null, null, null, null, null);
            case "sign_off" -> change(null, null, null, null, true, null, null, null);
            case "withdraw_sign_off" -> change(null, null, null, null, false, null, null, null);
            case "waive" -> change(ItemStatus.WAIVED, null, null, null, null, new ItemChange.WaiverInput(
                    waiverReason, riskOwner, compensatingControl, InputValidator.date("waiver.expiresOn", expiresOn)), null, null);
            case "assign" -> change(null, null, null, null, null, null, orEmpty(assignee), null);
            case "due" -> change(null, null, null, null, null, null, null, orEmpty(dueDate));
            case "comment" -> {
                if (comment == null || comment.isBlank()) {
                    throw ProblemException.invalid("comment", "is required: write the remark to add");
                }
                yield change(null, null, null, null, null, null, null, null);
            }
            default -> throw ProblemException.invalid("action", "must be one of the item's actions");
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
