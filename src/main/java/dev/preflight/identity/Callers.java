package dev.preflight.identity;

import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import dev.preflight.platform.security.Role;
import dev.preflight.platform.security.Roles;

/** Turns a user and the credential they used into a {@link Caller} and a security identity. */
final class Callers {

    private Callers() {
    }

    /** Must run where the user's teams can still be loaded (inside the transaction that found it). */
    static Caller of(User user, Caller.Via via, String tokenName, boolean canWrite, String sessionKey) {
        Set<Long> teams = user.teams.stream().map(t -> t.id).collect(Collectors.toUnmodifiableSet());
        return new Caller(user.id, user.username, user.displayName, user.role, teams, via, tokenName, canWrite,
                sessionKey);
    }

    static Caller of(CallerLookup.Owner owner, Caller.Via via, String tokenName, boolean canWrite, String sessionKey) {
        return new Caller(owner.id(), owner.username(), owner.displayName(), owner.role(), owner.teams(), via, tokenName,
                canWrite, sessionKey);
    }

    /** A read-only credential holds only the viewer's role, whatever its owner's. */
    static SecurityIdentity identity(Caller caller) {
        Set<String> roles = caller.canWrite() ? caller.role().securityRoles() : Role.VIEWER.securityRoles();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.username()))
                .addRoles(roles)
                .addRoles(caller.isAdmin() ? Set.of(Roles.ADMIN_READ) : Set.of())
                .addAttribute(Caller.ATTRIBUTE, caller)
                .build();
    }
}
