package dev.preflight.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.preflight.platform.PreflightConfig;

/**
 * Browser sessions of local accounts. Sign-in makes a fresh session; it ends at sign-out, after
 * the idle timeout, at the absolute timeout, or when the account is disabled or its password reset.
 */
@ApplicationScoped
public class Sessions {

    /** How stale last-seen may get before a request refreshes it: one write a minute, not one per request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Duration idle;
    private final Duration absolute;
    private final CallerLookup lookup;

    public Sessions(PreflightConfig config, CallerLookup lookup) {
        this.idle = config.auth().sessionIdleTimeout();
        this.absolute = config.auth().sessionAbsoluteTimeout();
        this.lookup = lookup;
    }

    /** Starts a session and returns the secret for the cookie. */
    @Transactional
    public String start(User user, String source) {
        String secret = Secrets.random();
        Instant now = Instant.now();
        UserSession session = new UserSession();
        session.secretHash = Secrets.sha256(secret);
        session.user = user;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(absolute);
        session.source = source;
        session.persist();
        user.lastLoginAt = now;
        return secret;
    }

    /** The caller a cookie stands for, if its session is alive; refreshes the session's last use. */
    public Optional<Caller> resolve(String secret) {
        Instant now = Instant.now();
        return lookup.session(Secrets.sha256(secret)).filter(s -> alive(s, now)).map(session -> {
            if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                lookup.touchSession(session.id(), now);
            }
            return Callers.of(session.owner(), Caller.Via.WEB, null, true, "s" + session.id());
        });
    }

    @Transactional
    public void end(String secret) {
        UserSession.update("endedAt = ?1 where secretHash = ?2 and endedAt is null", Instant.now(), Secrets.sha256(secret));
    }

    /** Ends every session of a user: after a password reset or when the account is disabled. */
    @Transactional
    public void endAll(User user) {
        UserSession.update("endedAt = ?1 where user = ?2 and endedAt is null", Instant.now(), user);
    }

    /**
     * Ends every session of a user but the one of the given session key ("s" and its id), after
     * they changed their password; returns how many ended.
     */
    @Transactional
    public int endAllBut(User user, String keptSessionKey) {
        long kept = id(keptSessionKey).orElse(-1);
        return UserSession.update("endedAt = ?1 where user = ?2 and endedAt is null and id <> ?3", Instant.now(), user,
                kept);
    }

    /** Whether the session of a caller's session key ("s" and its id) is still alive. */
    public boolean alive(String sessionKey) {
        return id(sessionKey).stream().mapToObj(lookup::session).flatMap(Optional::stream)
                .anyMatch(s -> alive(s, Instant.now()));
    }

    /** The id of a local session from a caller's session key ("s" and the id); empty for other keys. */
    static OptionalLong id(String sessionKey) {
        return sessionKey != null && sessionKey.matches("s[0-9]{1,18}")
                ? OptionalLong.of(Long.parseLong(sessionKey.substring(1))) : OptionalLong.empty();
    }

    private boolean alive(CallerLookup.SessionRow session, Instant now) {
        return session.endedAt() == null && session.expiresAt().isAfter(now)
                && session.lastSeenAt().plus(idle).isAfter(now) && session.owner().enabled();
    }
}
