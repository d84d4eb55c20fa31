package dev.preflight.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.platform.db.Sql;
import dev.preflight.platform.security.Role;

/**
 * Finds who a session cookie or an API token stands for: the credential, its owner and the owner's
 * teams in one query on a connection of its own, without a transaction. Every authenticated
 * request asks this first, so it is kept to one round trip; the last use is written back at most
 * once a minute.
 */
@ApplicationScoped
class CallerLookup {

    /** The owner of a credential, as a caller would be made of it. */
    record Owner(long id, String username, String displayName, Role role, boolean enabled, Set<Long> teams) {
    }

    record SessionRow(long id, Instant lastSeenAt, Instant expiresAt, Instant endedAt, Owner owner) {
    }

    record TokenRow(long id, String name, boolean write, Instant lastUsedAt, Instant expiresAt, Instant revokedAt,
            Owner owner) {
    }

    /** A presented token's row (empty when unknown) and how often its address failed lately. */
    record TokenLookup(long recentFailures, Optional<TokenRow> token) {
    }

    private static final String OWNER = """
            u.id AS user_id, u.username, u.display_name, u.role, u.enabled,
            array(SELECT m.team_id FROM team_member m WHERE m.user_id = u.id) AS teams""";

    private final Sql sql;

    CallerLookup(Sql sql) {
        this.sql = sql;
    }

    Optional<SessionRow> session(String secretHash) {
        return Optional.ofNullable(sql.read(c -> Sql.first(c, "SELECT s.id, s.last_seen_at, s.expires_at, s.ended_at, "
                + OWNER + " FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.secret_hash = ?",
                r -> new SessionRow(r.getLong("id"), Sql.instant(r, "last_seen_at"), Sql.instant(r, "expires_at"),
                        Sql.instant(r, "ended_at"), owner(r)), secretHash)));
    }

    /** The token and the failed token attempts of the address within the window, in one query. */
    TokenLookup token(String secretHash, String address, Duration window) {
        double seconds = window.toSeconds();
        return sql.read(c -> Sql.first(c, "SELECT f.failures, t.id, t.name, t.scopes, t.last_used_at, t.expires_at, "
                + "t.revoked_at, " + OWNER + " FROM (SELECT count(*) AS failures FROM auth_failure WHERE scope = 'token' "
                + "AND key = ? AND failed_at > now() - make_interval(secs => ?)) f "
                + "LEFT JOIN api_token t ON t.secret_hash = ? LEFT JOIN app_user u ON u.id = t.user_id",
                r -> {
                    long failures = r.getLong("failures");
                    r.getLong("id");
                    if (r.wasNull()) {
                        return new TokenLookup(failures, Optional.empty());
                    }
                    return new TokenLookup(failures, Optional.of(new TokenRow(r.getLong("id"), r.getString("name"),
                            r.getString("scopes").contains("write"), Sql.instant(r, "last_used_at"),
                            Sql.instant(r, "expires_at"), Sql.instant(r, "revoked_at"), owner(r))));
                }, address, seconds, secretHash));
    }

    void touchSession(long id, Instant now) {
        sql.read(c -> Sql.update(c, "UPDATE user_session SET last_seen_at = ? WHERE id = ?", now, id));
    }

    void touchToken(long id, Instant now) {
        sql.read(c -> Sql.update(c, "UPDATE api_token SET last_used_at = ? WHERE id = ?", now, id));
    }

    private static Owner owner(ResultSet r) throws SQLException {
        Set<Long> teams = new HashSet<>();
        Array array = r.getArray("teams");
        for (Object team : (Object[]) array.getArray()) {
            teams.add(((Number) team).longValue());
        }
        return new Owner(r.getLong("user_id"), r.getString("username"), r.getString("display_name"),
                Role.valueOf(r.getString("role")), r.getBoolean("enabled"), Set.copyOf(teams));
    }
}
