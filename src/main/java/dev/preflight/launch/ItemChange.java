package dev.preflight.launch;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.preflight.platform.web.WebLink;

/**
 * A change to one item. With PATCH a field left out (or null) stays as it is and an empty string
 * clears it; with PUT the body is the item's whole new state, so a field left out is cleared and a
 * status is required.
 *
 * @param status       open (reopen), done, not_applicable, blocked or waived
 * @param evidenceLink proof for a done item, as the item's evidence kind asks (an http or https address)
 * @param evidenceNote proof for a done item, in words
 * @param reason       why the item is not applicable or blocked (required for those)
 * @param signOff      true to sign off a done item that needs an approver (approvers only); false to withdraw it
 * @param waiver       the waiver of a waived item (approvers only)
 * @param assignee     user name of the person who owns the item
 * @param dueDate      when the item must be resolved, YYYY-MM-DD
 * @param comment      a remark for the item's history
 * @param version      the item version read; with If-Match, the header wins
 */
public record ItemChange(
        ItemStatus status,
        @WebLink @Size(max = 2000, message = "must be at most 2,000 characters") String evidenceLink,
        @Size(max = 10_000, message = "must be at most 10,000 characters") String evidenceNote,
        @Size(max = 2000, message = "must be at most 2,000 characters") String reason,
        Boolean signOff,
        @Valid WaiverInput waiver,
        @Size(max = 100, message = "must be at most 100 characters") String assignee,
        @Schema(format = "date", description = "YYYY-MM-DD; an empty string clears it") @Size(max = 10, message = "must be a date, YYYY-MM-DD") String dueDate,
        @Size(max = 10_000, message = "must be at most 10,000 characters") String comment,
        Long version) {

    /** The terms of a waiver: why, who carries the risk, what limits it meanwhile, and until when. */
    public record WaiverInput(
            @Size(max = 2000, message = "must be at most 2,000 characters") String reason,
            @Size(max = 200, message = "must be at most 200 characters") String riskOwner,
            @Size(max = 2000, message = "must be at most 2,000 characters") String compensatingControl,
            LocalDate expiresOn) {
    }

    /** The same change read as a whole new state: what is left out is cleared. */
    ItemChange asReplacement() {
        return new ItemChange(status, orEmpty(evidenceLink), orEmpty(evidenceNote), orEmpty(reason), signOff, waiver,
                orEmpty(assignee), orEmpty(dueDate), comment, version);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
