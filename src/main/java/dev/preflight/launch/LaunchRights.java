package dev.preflight.launch;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.identity.CurrentCaller;
import dev.preflight.identity.SignOffGroups;

/**
 * What the caller may do on one launch in its state: work on its items and state (the team's
 * engineers, approvers and admins, while the launch is not cancelled; which items, its state's
 * phases say) and approve (sign off, waive, decide, close).
 */
public record LaunchRights(LaunchState state, boolean work, boolean approve, String username, boolean admin,
        Set<String> groups, Map<String, String> definedGroups, boolean fourEyes) {

    /**
     * Whether the caller signs for the sign-off group: every approver when the item names no group
     * or one the installation has not defined, else its members and admins (acting for it).
     */
    public boolean signsFor(String group) {
        return group == null || !definedGroups.containsKey(group) || admin || groups.contains(group);
    }

    /** Whether the caller is a member of the defined group (an admin signing for another group is recorded so). */
    public boolean memberOf(String group) {
        return groups.contains(group);
    }

    /**
     * What an item row depends on, for caching rows across people: the caller's name only matters
     * under four-eyes (whoever marked an item done is not offered its sign-off).
     */
    LaunchRights forRows() {
        return fourEyes ? this : new LaunchRights(state, work, approve, "", admin, groups, definedGroups, false);
    }

    /** The group's name, or its key when the installation has not defined it. */
    public String groupName(String group) {
        return definedGroups.getOrDefault(group, group);
    }


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
        private final SignOffGroups groups;
        private final LaunchPolicies policies;

        public Rules(Access access, CurrentCaller caller, SignOffGroups groups, LaunchPolicies policies) {
            this.access = access;
            this.caller = caller;
            this.groups = groups;
            this.policies = policies;
        }

        LaunchRights of(Launch launch) {
            boolean work = launch.state != LaunchState.CANCELLED && access.mayWorkOnLaunches(launch.service.team.id);
            Optional<Caller> who = caller.find();
            return new LaunchRights(launch.state, work, work && access.mayApprove(), who.map(Caller::username).orElse(""),
                    who.map(Caller::isAdmin).orElse(false), who.map(c -> groups.of(c.userId())).orElse(Set.of()),
                    groups.names(), policies.of(launch.service.tier).fourEyes());
        }
    }
}
