package dev.preflight.recovery;

import dev.preflight.template.SatisfiedBy;

/**
 * Fired, in the writing transaction, when recovery data that can satisfy launch items changes: the
 * evidence behind an approver's sign-off of such an item is no longer what was signed.
 *
 * @param serviceId the service whose data changed
 * @param what      which data
 * @param reason    what happened, for the items' history
 */
public record RecoveryDataChanged(long serviceId, SatisfiedBy what, String reason) {
}
