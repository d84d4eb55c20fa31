package dev.preflight.identity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.ForbiddenException;

import dev.preflight.platform.security.Role;
import dev.preflight.team.Team;

/**
 * The rules of who may change what, each stated once as a predicate on the caller. Pages ask
 * {@code mayX} to show or hide an action; the server enforces the same rule with {@code requireX},
 * which refuses (403) exactly when {@code mayX} is false.
 */
@ApplicationScoped
public class Access {

    private final CurrentCaller caller;

    public Access(CurrentCaller caller) {
        this.caller = caller;
    }

    /** Whether the caller holds the role; a read-only token holds none but viewer's. */
    public static boolean holds(Caller caller, Role role) {
        return (caller.canWrite() || role == Role.VIEWER) && caller.role().includes(role);
    }

    /** Whether the caller may change the team's records: an engineer (or more) of the team, or an admin. */
    public static boolean changesTeam(Caller caller, long teamId) {
        return holds(caller, Role.ENGINEER) && (caller.isAdmin() || caller.isMemberOf(teamId));
    }

    /**
     * Whether the caller may work on the team's launches: an engineer of the team, or any approver or
     * admin (approvers sign off and decide across teams).
     */
    public static boolean worksOnLaunches(Caller caller, long teamId) {
        return holds(caller, Role.ENGINEER) && (caller.role().includes(Role.APPROVER) || caller.isMemberOf(teamId));
    }

    /** Whether the caller sees what belongs to the team alone (its webhooks): its members, and admins. */
    public static boolean seesTeamsOwn(Caller caller, long teamId) {
        return caller.isAdmin() || caller.isMemberOf(teamId);
    }

    public boolean has(Role role) {
        return caller.find().map(c -> holds(c, role)).orElse(false);
    }

    /**
     * The caller, who must be an admin, with any credential (a read-only token too): for reading
     * what only admins read, the user list and the audit log ({@link dev.preflight.platform.security.Roles#ADMIN_READ}).
     */
    public Caller requireAdminRead() {
        Caller current = caller.get();
        if (!current.isAdmin()) {
            throw new ForbiddenException("This needs the admin role.");
        }
        return current;
    }

    /** The caller, who must hold at least the given role. */
    public Caller require(Role role) {
        Caller current = caller.get();
        if (!holds(current, role)) {
            throw new ForbiddenException("This needs the " + role.key() + " role.");
        }
        return current;
    }

    public boolean mayChangeTeam(long teamId) {
        return caller.find().map(c -> changesTeam(c, teamId)).orElse(false);
    }

    /** The caller, who must be allowed to change the team's records. */
    public Caller requireTeamWrite(Team team) {
        Caller current = require(Role.ENGINEER);
        if (!changesTeam(current, team.id)) {
            throw new ForbiddenException("Only members of the team '" + team.slug + "' (or an admin) may change this.");
        }
        return current;
    }

    public boolean mayWorkOnLaunches(long teamId) {
        return caller.find().map(c -> worksOnLaunches(c, teamId)).orElse(false);
    }

    /** The caller, who must be allowed to work on the team's launches. */
    public Caller requireLaunchWork(Team team) {
        Caller current = require(Role.ENGINEER);
        if (!worksOnLaunches(current, team.id)) {
            throw new ForbiddenException("Only members of the team '" + team.slug
                    + "', approvers and admins may work on its launches.");
        }
        return current;
    }

    /** Whether the caller may open launches (of the teams they work for): engineers and more. */
    public boolean mayOpenLaunches() {
        return has(Role.ENGINEER);
    }

    /** Whether the caller may sign off, waive and decide. */
    public boolean mayApprove() {
        return has(Role.APPROVER);
    }
}
