package dev.preflight.identity;

import java.time.Instant;
import java.util.List;

import dev.preflight.platform.api.Versioned;
import dev.preflight.platform.security.Role;

/** A user as the API and admin pages show them. {@code local} users sign in with a password. */
public record UserView(String username, String displayName, String email, Role role, boolean enabled,
        List<String> teams, boolean local, Instant lastLoginAt, long version, Instant createdAt) implements Versioned {

    static UserView of(User user) {
        return new UserView(user.username, user.displayName, user.email, user.role, user.enabled,
                user.teams.stream().map(t -> t.slug).sorted().toList(), user.passwordHash != null, user.lastLoginAt,
                user.version, user.createdAt);
    }

    /** A user just created or given a new password, with the generated password shown this once (or null). */
    public record WithPassword(UserView user, String generatedPassword) {
    }
}
