package dev.preflight.team;

import java.time.Instant;

import dev.preflight.platform.api.Versioned;

/** A team as the API and the pages show it. */
public record TeamView(String slug, String name, long version, Instant createdAt, Instant updatedAt) implements Versioned {

    public static TeamView of(Team team) {
        return new TeamView(team.slug, team.name, team.version, team.createdAt, team.updatedAt);
    }
}
