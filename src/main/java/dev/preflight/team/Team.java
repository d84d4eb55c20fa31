package dev.preflight.team;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.preflight.platform.db.BaseEntity;

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
}
