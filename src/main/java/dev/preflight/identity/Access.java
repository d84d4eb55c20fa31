package dev.preflight.identity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.ForbiddenException;

import dev.preflight.team.Team;

/** The rules of who may change what, checked on the server for every write. */
@ApplicationScoped
public class Access {

    private final CurrentCaller caller;

    public Access(CurrentCaller caller) {
        this.caller = caller;
    }

    /** The caller, who must hold at least the given role. */
    public Caller require(Role role) {
        Caller current = caller.get();
        if ((!current.canWrite() && role != Role.VIEWER) || !current.role().includes(role)) {
            throw new ForbiddenException("This needs the " + role.key() + " role.");
        }
        return current;
    }

    /** The caller, who must be an engineer (or more) of the team, or an admin. */
    public Caller requireTeamWrite(Team team) {
        Caller current = require(Role.ENGINEER);
        if (!current.isAdmin() && !current.isMemberOf(team.id)) {
            throw new ForbiddenException("Only members of the team '" + team.slug + "' (or an admin) may change this.");
        }
        return current;
    }

    /**
     * The caller, who may work on the team's launches: an engineer of the team, or any approver or
     * admin (approvers sign off and decide across teams).
     */
    public Caller requireLaunchWork(Team team) {
        Caller current = require(Role.ENGINEER);
        if (!current.role().includes(Role.APPROVER) && !current.isMemberOf(team.id)) {
            throw new ForbiddenException("Only members of the team '" + team.slug
                    + "', approvers and admins may work on its launches.");
        }
        return current;
    }

    /** Whether the caller may work on the team's launches: for showing or hiding actions on pages. */
    public boolean mayWorkOnLaunches(long teamId) {
        return caller.find().map(c -> c.canWrite() && c.role().includes(Role.ENGINEER)
                && (c.role().includes(Role.APPROVER) || c.isMemberOf(teamId))).orElse(false);
    }

    /** Whether the caller may sign off, waive and decide: for showing or hiding actions on pages. */
    public boolean mayApprove() {
        return caller.find().map(c -> c.canWrite() && c.role().includes(Role.APPROVER)).orElse(false);
    }

    /** Whether the caller may change the team's records: for showing or hiding actions on pages. */
    public boolean mayWrite(long teamId) {
        return caller.find().map(c -> c.canWrite() && c.role().includes(Role.ENGINEER) && (c.isAdmin() || c.isMemberOf(teamId)))
                .orElse(false);
    }
}
