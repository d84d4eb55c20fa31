package dev.preflight.identity;

import java.time.Instant;
import java.util.List;

/** An API token as its owner sees it: never its secret, which is shown once, at creation. */
public record TokenView(long id, String name, String prefix, List<String> scopes, String status, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    static TokenView of(ApiToken token, Instant now) {
        String status = token.revokedAt != null ? "revoked"
                : token.expiresAt != null && !token.expiresAt.isAfter(now) ? "expired" : "active";
        return new TokenView(token.id, token.name, token.prefix, List.of(token.scopes.split(" ")), status,
                token.createdAt, token.expiresAt, token.lastUsedAt, token.revokedAt);
    }

    /** A token just created, with the secret its owner must copy now. */
    public record Created(TokenView token, String secret) {
    }
}
