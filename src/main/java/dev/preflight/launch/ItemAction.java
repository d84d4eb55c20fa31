package dev.preflight.launch;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.quarkus.qute.TemplateEnum;

import dev.preflight.platform.text.Keyed;
import dev.preflight.template.SignOff;

/**
 * What a person can do to a launch item, and the one place that says when they may: pages offer an
 * action exactly when {@link #refusal} finds nothing against it, and {@link ItemWorkflow} refuses
 * every change that amounts to an action with the same answer. An action that would change nothing
 * (reopening an open item) is not offered; the workflow never asks about it, since it records nothing.
 */
@TemplateEnum
public enum ItemAction implements Keyed {
    DONE,
    SIGN_OFF,
    WITHDRAW_SIGN_OFF,
    NOT_APPLICABLE,
    BLOCKED,
    REOPEN,
    WAIVE,
    ASSIGN,
    DUE,
    COMMENT;

    /**
     * Why an action is refused: a rule about who (403), about the launch's state (409) or about the
     * item (400, naming the field).
     */
    record Refusal(boolean forbidden, boolean conflict, String field, String message) {
    }

    @Override
    public String toString() {
        return key();
    }

    /** The actions the caller may take on the item now. */
    public static Set<ItemAction> allowed(LaunchViews.Item item, LaunchRights rights) {
        Set<ItemAction> allowed = EnumSet.noneOf(ItemAction.class);
        for (ItemAction action : values()) {
            if (action.refusal(item, item.status(), rights).isEmpty()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /**
     * What the item's tick box does for the caller: marks it done, or, once ticked, reopens it; null
     * when the caller may do neither (the box then only shows the item's condition).
     */
    public static ItemAction tick(LaunchViews.Item item, LaunchRights rights) {
        ItemAction offered = item.condition().ticked() ? REOPEN : DONE;
        return offered.refusal(item, item.status(), rights).isEmpty() ? offered : null;
    }

    /**
     * Why the caller may not take this action on the item; empty when they may. {@code status} is
     * the item's status, or the one the same change gives it (a change may mark done and sign off).
     */
    Optional<Refusal> refusal(LaunchViews.Item item, ItemStatus status, LaunchRights rights) {
        if (!rights.work()) {
            return forbidden("Only the team's engineers, approvers and admins work on a launch, while it is not over.");
        }
        if (!rights.state().opens(item.phase())) {
            boolean early = rights.state().awaits(item.phase());
            if (!early || (this != ASSIGN && this != COMMENT)) {
                return Optional.of(new Refusal(false, true, "status", early
                        ? "The item '" + item.key() + "' is " + item.phase().label() + ": it is worked on once the "
                                + "launch has gone live; until then it can be assigned and discussed."
                        : "The launch is " + rights.state().label() + ": its " + item.phase().label()
                                + " items no longer change."));
            }
        }
        boolean needsApprover = item.role() == SignOff.APPROVER;
        boolean signed = item.signedOffBy() != null;
        boolean ownWork = status == ItemStatus.DONE && (item.status() != ItemStatus.DONE
                || rights.username().equals(item.doneBy()));
        return switch (this) {
            case DONE -> item.satisfiedBy() != null
                    ? invalid("status", "this item follows the service's " + item.satisfiedBy().label()
                            + " and is done when they are (" + item.linkedState() + "; see " + item.linkedPage() + ")")
                    : item.check() != null && item.check().decides() ? invalid("status", "this item is ticked by its check ("
                            + item.check().looksAt() + ") when the check passes: run the check again, or waive the item")
                    : none();
            case SIGN_OFF -> !rights.approve() ? forbidden("Only approvers sign off items.")
                    : !rights.signsFor(item.signOffGroup()) ? forbidden("Only members of the sign-off group '"
                            + rights.groupName(item.signOffGroup()) + "' (and admins) sign this item off.")
                    : rights.fourEyes() && ownWork && item.satisfiedBy() == null ? forbidden("Four eyes: the person who "
                            + "marked this item done does not sign it off; another approver does.")
                    : !needsApprover ? invalid("signOff", "this item needs no approver's sign-off")
                    : signed ? invalid("signOff", "the item is signed off already")
                    : item.satisfiedBy() != null && item.condition() != ItemCondition.AWAITING_SIGN_OFF
                            ? invalid("signOff", "the service's " + item.satisfiedBy().label()
                                    + " do not satisfy this item yet (" + item.linkedState() + ")")
                    : item.satisfiedBy() == null && status != ItemStatus.DONE
                            ? invalid("signOff", "only a done item can be signed off: mark it done with its evidence first")
                    : none();
            case WITHDRAW_SIGN_OFF -> !rights.approve() ? forbidden("Only approvers sign off items.")
                    : !rights.signsFor(item.signOffGroup()) ? forbidden("Only members of the sign-off group '"
                            + rights.groupName(item.signOffGroup()) + "' (and admins) sign this item off.")
                    : !needsApprover ? invalid("signOff", "this item needs no approver's sign-off")
                    : !signed ? invalid("signOff", "the item is not signed off") : none();
            case NOT_APPLICABLE -> needsApprover && !rights.approve()
                    ? forbidden("Only approvers mark an item that needs their sign-off not applicable.") : none();
            case REOPEN -> item.status() == ItemStatus.OPEN ? invalid("status", "the item is open already") : none();
            case WAIVE -> !rights.approve() ? forbidden("Only approvers waive items.") : none();
            case BLOCKED, ASSIGN, DUE, COMMENT -> none();
        };
    }

    private static Optional<Refusal> none() {
        return Optional.empty();
    }

    private static Optional<Refusal> forbidden(String message) {
        return Optional.of(new Refusal(true, false, null, message));
    }

    private static Optional<Refusal> invalid(String field, String message) {
        return Optional.of(new Refusal(false, false, field, message));
    }
}
