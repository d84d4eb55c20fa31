package dev.preflight.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.preflight.platform.db.BaseEntity;

/** A script's credential: acts as its owner, narrowed to its scopes. Only a hash of the secret is kept. */
@Entity
@Table(name = "api_token")
public class ApiToken extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    @Column(nullable = false)
    public String name;

    /** The first characters of the token, shown so that people can tell their tokens apart. */
    @Column(nullable = false)
    public String prefix;

    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;

    /** "read" or "read write". */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean canWrite() {
        return scopes.contains("write");
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
