package dev.preflight.launch;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.identity.Access;
import dev.preflight.identity.CurrentCaller;

/**
 * What the caller may do on one launch in its state: work on its items and state (the team's
 * engineers, approvers and admins, while the launch is not cancelled; which items, its state's
 * phases say) and approve (sign off, waive, decide, close).
 */
public record LaunchRights(LaunchState state, boolean work, boolean approve, String username) {

    /**
     * Why the caller may not move a launch from one state to another; empty when they may. Cancelling
     * a launch that has gone to review is for approvers and admins; engineers may cancel one they
     * are still preparing.
     */
    public Optional<String> refusalToMove(LaunchState from, LaunchState to) {
        if (!work) {
            return Optional.of("Only the team's engineers, approvers and admins move a launch, while it is not over.");
        }
        if (to == LaunchState.CANCELLED && from != LaunchState.PREPARING && !approve) {
            return Optional.of("Only approvers and admins cancel a launch once it has gone to review.");
        }
        if (to == LaunchState.CLOSED && !approve) {
            return Optional.of("Only approvers and admins close a launch before its after-launch items are resolved.");
        }
        return Optional.empty();
    }

    /** Whether the caller may move a launch from one state to another (for pages: offer it or not). */
    public boolean mayMove(LaunchState from, LaunchState to) {
        return refusalToMove(from, to).isEmpty();
    }

    /** The one place that combines the launch's state with the caller's rules. */
    @ApplicationScoped
    public static class Rules {

        private final Access access;
        private final CurrentCaller caller;

        public Rules(Access access, CurrentCaller caller) {
            this.access = access;
            this.caller = caller;
        }

        LaunchRights of(LaunchState state, long teamId) {
            boolean work = state != LaunchState.CANCELLED && access.mayWorkOnLaunches(teamId);
            return new LaunchRights(state, work, work && access.mayApprove(),
                    caller.find().map(c -> c.username()).orElse(""));
        }

        LaunchRights of(Launch launch) {
            return of(launch.state, launch.service.team.id);
        }
    }
}
