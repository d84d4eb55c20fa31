package dev.preflight.platform.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.preflight.platform.text.Keyed;


/**
 * What someone may do, each role including the ones before it: viewers read everything,
 * engineers edit their own teams' services and launches, approvers also sign off and decide,
 * admins manage templates, teams, users and everyone's tokens.
 */
public enum Role implements Keyed {
    VIEWER,
    ENGINEER,
    APPROVER,
    ADMIN;

    @Override
    public String toString() {
        return key();
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The security roles a holder of this role has: its own and every lesser one. */
    public Set<String> securityRoles() {
        return Arrays.stream(values()).filter(this::includes).map(Role::key).collect(Collectors.toSet());
    }

}
