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

    /** The token of the secret's hash, with its owner, in one query. */
    Optional<TokenRow> token(String secretHash) {
        return Optional.ofNullable(sql.read(c -> Sql.first(c, "SELECT t.id, t.name, t.scopes, t.last_used_at, "
                + "t.expires_at, t.revoked_at, " + OWNER + " FROM api_token t JOIN app_user u ON u.id = t.user_id "
                + "WHERE t.secret_hash = ?",
                r -> new TokenRow(r.getLong("id"), r.getString("name"), r.getString("scopes").contains("write"),
                        Sql.instant(r, "last_used_at"), Sql.instant(r, "expires_at"), Sql.instant(r, "revoked_at"),
                        owner(r)), secretHash)));
    }

    /**
     * Whether the credential a caller came with still stands: its session open and not idle longer
     * than {@code idle}, or its token neither revoked nor expired, and the account enabled. A caller
     * of the identity provider is asked only whether the account is enabled.
     */
    boolean stands(Caller caller, Duration idle) {
        Boolean stands = sql.read(c -> {
            if (caller.via() == Caller.Via.TOKEN) {
                return Sql.first(c, """
                        SELECT EXISTS (SELECT 1 FROM api_token t JOIN app_user u ON u.id = t.user_id
                            WHERE t.user_id = ? AND t.name = ? AND t.revoked_at IS NULL
                            AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.enabled)""",
                        r -> r.getBoolean(1), caller.userId(), caller.tokenName());
            }
            String key = caller.sessionKey();
            if (caller.via() == Caller.Via.WEB && key != null && key.matches("s[0-9]{1,18}")) {
                return Sql.first(c, """
                        SELECT EXISTS (SELECT 1 FROM user_session s JOIN app_user u ON u.id = s.user_id
                            WHERE s.id = ? AND s.user_id = ? AND s.ended_at IS NULL AND s.expires_at > now()
                            AND s.last_seen_at > now() - make_interval(secs => ?) AND u.enabled)""",
                        r -> r.getBoolean(1), Long.parseLong(key.substring(1)), caller.userId(),
                        (double) idle.toSeconds());
            }
            return Sql.first(c, "SELECT EXISTS (SELECT 1 FROM app_user WHERE id = ? AND enabled)",
                    r -> r.getBoolean(1), caller.userId());
        });
        return Boolean.TRUE.equals(stands);
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
