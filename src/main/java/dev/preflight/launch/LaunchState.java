package dev.preflight.launch;

import java.util.List;
import java.util.Set;

import io.quarkus.qute.TemplateEnum;
import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.platform.text.Keyed;
import dev.preflight.template.Phase;

/**
 * Where a launch stands: preparing → in review → go | no-go → launched → closed, or cancelled. An
 * approver's decision moves a launch in review to go or no-go (and can turn a go into a no-go); a
 * no-go returns to review; anything not yet launched can be cancelled. Launched starts the
 * after-launch phase; the launch closes when its after-launch items are resolved, or when an
 * approver closes it with a reason. Closed and cancelled are final.
 */
@TemplateEnum
public enum LaunchState implements Keyed {
    PREPARING,
    IN_REVIEW,
    GO,
    NO_GO,
    LAUNCHED,
    CLOSED,
    CANCELLED;

    @Override
    public String toString() {
        return key();
    }

    /** How pages and messages name the state: "in review", "no-go". */
    public String label() {
        return MessageBundles.get(LaunchMessages.class).launch_state_label(key());
    }

    /** The states of a launch that went live, for queries. */
    public static final List<LaunchState> LIVE = List.of(LAUNCHED, CLOSED);

    /** The states whose review before go-live is over, for queries. */
    public static final List<LaunchState> REVIEW_OVER = List.of(LAUNCHED, CLOSED, CANCELLED);

    /** Whether the launch is over: nothing but its ongoing duties changes any more. */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    /** Whether the review before go-live is over: launched, closed or cancelled. */
    public boolean reviewOver() {
        return this == LAUNCHED || isFinal();
    }

    /** Whether items of the phase are worked on in this state. */
    public boolean opens(Phase phase) {
        return switch (phase) {
            case BEFORE_GO_LIVE, AT_GO_LIVE -> !reviewOver();
            case AFTER_LAUNCH -> this == LAUNCHED;
            case ONGOING -> this == LAUNCHED || this == CLOSED;
        };
    }

    /** Whether items of the phase are still to come in this state (they may be assigned and discussed). */
    public boolean awaits(Phase phase) {
        return phase.afterGoLive() && !reviewOver();
    }

    /** Whether moving a launch to this state by hand needs a reason, which the history keeps. */
    public boolean needsReason() {
        return this == CANCELLED || this == CLOSED;
    }

    /** Whether a go or no-go may be recorded now. */
    public boolean isDecidable() {
        return this == IN_REVIEW || this == GO;
    }

    /** The states a person can move the launch to from here (decisions are recorded separately). */
    public Set<LaunchState> next() {
        return switch (this) {
            case PREPARING -> Set.of(IN_REVIEW, CANCELLED);
            case IN_REVIEW -> Set.of(CANCELLED);
            case GO -> Set.of(LAUNCHED, CANCELLED);
            case NO_GO -> Set.of(IN_REVIEW, CANCELLED);
            case LAUNCHED -> Set.of(CLOSED);
            case CLOSED, CANCELLED -> Set.of();
        };
    }

}
