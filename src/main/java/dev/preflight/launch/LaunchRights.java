package dev.preflight.launch;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.identity.Access;
import dev.preflight.identity.CurrentCaller;

/**
 * What the caller may do on one launch: work on its items and state (the team's engineers,
 * approvers and admins, while the launch is not over) and approve (sign off, waive, decide).
 */
public record LaunchRights(boolean work, boolean approve, String username) {

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
            boolean work = !state.isFinal() && access.mayWorkOnLaunches(teamId);
            return new LaunchRights(work, work && access.mayApprove(), caller.find().map(c -> c.username()).orElse(""));
        }

        LaunchRights of(Launch launch) {
            return of(launch.state, launch.service.team.id);
        }
    }
}
