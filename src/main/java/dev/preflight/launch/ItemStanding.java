package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.preflight.template.Severity;
import dev.preflight.template.SignOff;

/**
 * How one item counts towards its launch's readiness at a moment: what {@link Readiness} lists and
 * what {@link LaunchSummaries} adds up for the board. One place decides it, so the board and the
 * launch page always agree.
 *
 * @param required       a blocker or major item before go-live (items of later phases, and items their
 *                       condition left out, never count)
 * @param resolved       done (signed off where needed, not stale), not applicable, or validly waived
 * @param openBlocker    a blocker that is not resolved: it refuses a go
 * @param missingSignOff a required item needing an approver that is not resolved: it refuses a go
 * @param overdue        not resolved and past its due date or, after launch, its due time
 */
record ItemStanding(ItemCondition condition, boolean required, boolean resolved, boolean openBlocker,
        boolean missingSignOff, boolean overdue) {

    static ItemStanding of(LaunchItem item, Instant now, LocalDate today) {
        ItemCondition condition = ItemCondition.of(item, now, today);
        boolean gated = item.phase.gated() && !item.leftOut;
        boolean required = gated && item.severity.required();
        boolean resolved = condition.resolved();
        return new ItemStanding(condition, required, resolved, gated && !resolved && item.severity == Severity.BLOCKER,
                !resolved && required && item.signOff == SignOff.APPROVER, !resolved && overdue(item, now, today));
    }

    /** Past its due date, or past the due time an after-launch item took from the launch moment. */
    static boolean overdue(LaunchItem item, Instant now, LocalDate today) {
        return item.dueDate != null && item.dueDate.isBefore(today) || item.dueAt != null && item.dueAt.isBefore(now);
    }

    boolean awaitingSignOff() {
        return condition == ItemCondition.AWAITING_SIGN_OFF;
    }

    boolean stale() {
        return condition == ItemCondition.STALE;
    }

    boolean waiver() {
        return condition == ItemCondition.WAIVED;
    }

    /** Counts towards the share of required items resolved. */
    boolean resolvedRequired() {
        return required && resolved;
    }

    /**
     * The first moment after {@code now} at which time alone may change how the item counts: a done
     * recurring item going stale, a waiver ending, a due date passing, the recovery data it follows
     * running out. Null when nothing but a change of the item can. Early is harmless (the item is
     * counted again and found the same); late never happens.
     */
    static Instant nextChange(LaunchItem item, Instant now, ZoneId zone) {
        Instant next = null;
        if (item.status == ItemStatus.DONE && item.satisfiedBy == null) {
            next = earliest(next, ItemCondition.staleAt(item), now);
        }
        if (item.status == ItemStatus.WAIVED && item.waiverExpires != null) {
            next = earliest(next, dayAfter(item.waiverExpires, zone), now);
        }
        if (item.dueDate != null) {
            next = earliest(next, dayAfter(item.dueDate, zone), now);
        }
        next = earliest(next, item.dueAt, now);
        if (item.satisfiedBy != null && item.linked != null) {
            next = earliest(next, item.linked.changesAt(), now);
        }
        return next;
    }

    private static Instant dayAfter(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The earlier of {@code current} and {@code candidate}, counting only a candidate after {@code now}. */
    private static Instant earliest(Instant current, Instant candidate, Instant now) {
        if (candidate == null || !candidate.isAfter(now)) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
