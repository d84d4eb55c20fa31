package dev.preflight.launch;

import java.util.Set;

import io.quarkus.qute.TemplateEnum;
import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.platform.text.Keyed;

/**
 * Where a launch stands: preparing → in review → go | no-go → launched | cancelled. An approver's
 * decision moves a launch in review to go or no-go (and can turn a go into a no-go); a no-go
 * returns to review; anything not yet launched can be cancelled. Launched and cancelled are final.
 */
@TemplateEnum
public enum LaunchState implements Keyed {
    PREPARING,
    IN_REVIEW,
    GO,
    NO_GO,
    LAUNCHED,
    CANCELLED;

    @Override
    public String toString() {
        return key();
    }

    /** How pages and messages name the state: "in review", "no-go". */
    public String label() {
        return MessageBundles.get(LaunchMessages.class).launch_state_label(key());
    }

    /** Whether the launch is over: its items and decision no longer change. */
    public boolean isFinal() {
        return this == LAUNCHED || this == CANCELLED;
    }

    /** Whether moving a launch to this state needs a reason, which the history keeps. */
    public boolean needsReason() {
        return this == CANCELLED;
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
            case LAUNCHED, CANCELLED -> Set.of();
        };
    }

}
