package dev.preflight.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String OWNER = """
            u.id AS user_id, u.username, u.display_name, u.role, u.enabled,
            array(SELECT m.team_id FROM team_member m WHERE m.user_id = u.id) AS teams""";

    private final Sql sql;

    CallerLookup(Sql sql) {
        this.sql = sql;
    }

    Optional<SessionRow> session(String secretHash) {
        return session("s.secret_hash = ?", secretHash);
    }

    /** The session of an id, as {@link #session(String)} reads it. */
    Optional<SessionRow> session(long id) {
        return session("s.id = ?", id);
    }

    private Optional<SessionRow> session(String condition, Object key) {
        return Optional.ofNullable(sql.read(c -> Sql.first(c, "SELECT s.id, s.last_seen_at, s.expires_at, s.ended_at, "
                + OWNER + " FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE " + condition,
                r -> new SessionRow(r.getLong("id"), Sql.instant(r, "last_seen_at"), Sql.instant(r, "expires_at"),
                        Sql.instant(r, "ended_at"), owner(r)), key)));
    }

    /** The token of the secret's hash, with its owner, in one query. */
    Optional<TokenRow> token(String secretHash) {
        return token("t.secret_hash = ?", secretHash);
    }

    /** A user's token by its name (names are unique per user). */
    Optional<TokenRow> token(long userId, String name) {
        return token("t.user_id = ? AND t.name = ?", userId, name);
    }

    private Optional<TokenRow> token(String condition, Object... keys) {
        return Optional.ofNullable(sql.read(c -> Sql.first(c, "SELECT t.id, t.name, t.scopes, t.last_used_at, "
                + "t.expires_at, t.revoked_at, " + OWNER + " FROM api_token t JOIN app_user u ON u.id = t.user_id "
                + "WHERE " + condition,
                r -> new TokenRow(r.getLong("id"), r.getString("name"), r.getString("scopes").contains("write"),
                        Sql.instant(r, "last_used_at"), Sql.instant(r, "expires_at"), Sql.instant(r, "revoked_at"),
                        owner(r)), keys)));
    }

    /** Whether the account is still enabled. */
    boolean enabled(long userId) {
        return Boolean.TRUE.equals(sql.read(c -> Sql.first(c, "SELECT enabled FROM app_user WHERE id = ?",
                r -> r.getBoolean(1), userId)));
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
