package dev.preflight.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import dev.preflight.platform.db.BaseEntity;
import dev.preflight.platform.security.Role;
import dev.preflight.team.Team;

/**
 * Someone who uses Preflight: a local account with a password, or a person or service account
 * of an OpenID Connect provider (identified by issuer and subject).
 */
@Entity
@Table(name = "app_user")
public class User extends BaseEntity {

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role = Role.VIEWER;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "oidc_issuer")
    public String oidcIssuer;

    @Column(name = "oidc_subject")
    public String oidcSubject;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    @ManyToMany
    @JoinTable(name = "team_member", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "team_id"))
    public Set<Team> teams = new HashSet<>();

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Optional<User> findByOidc(String issuer, String subject) {
        return find("oidcIssuer = ?1 and oidcSubject = ?2", issuer, subject).firstResultOptional();
    }
}
