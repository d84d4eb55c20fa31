package dev.preflight.team;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.preflight.platform.db.BaseEntity;
import dev.preflight.platform.problems.ProblemException;

/** A group of people that owns services. */
@Entity
@Table(name = "team")
public class Team extends BaseEntity {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public static Optional<Team> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** What a form or the API is told of a slug no team has. */
    public static String missing(String slug) {
        return "there is no team '" + slug + "'";
    }

    /** The 404 for a slug no team has. */
    public static ProblemException notFound(String slug) {
        return ProblemException.notFound("There is no team '" + slug + "'.");
    }
}
