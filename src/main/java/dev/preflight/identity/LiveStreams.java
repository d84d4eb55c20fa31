package dev.preflight.identity;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;

/**
 * Live-update streams last only as long as the credential that opened them. Every
 * {@link #CHECK_EVERY} an open stream asks the database whether its session or token still stands
 * (signed out, session expired or idle, token revoked or expired, account disabled, password
 * changed) and ends when it does not, whichever instance the credential ended on.
 */
@ApplicationScoped
public class LiveStreams {

    static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final CurrentCaller caller;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final CallerLookup lookup;

    LiveStreams(CurrentCaller caller, Sessions sessions, ApiTokens tokens, CallerLookup lookup) {
        this.caller = caller;
        this.sessions = sessions;
        this.tokens = tokens;
        this.lookup = lookup;
    }

    /** The stream, ended as soon as a check finds the current caller's credential no longer stands. */
    public <T> Multi<T> whileSignedIn(Multi<T> stream) {
        Caller who = caller.get();
        Multi<Optional<T>> items = stream.map(Optional::of);
        Multi<Optional<T>> checks = Multi.createFrom().ticks().every(CHECK_EVERY).map(tick -> Optional.<T>empty());
        return Multi.createBy().merging().streams(items, checks)
                .select().first(item -> item.isPresent() || stands(who))
                .filter(Optional::isPresent).map(Optional::get);
    }

    /**
     * Whether the credential the caller came with still stands, by the same rules that admit it: a
     * local session alive, a token active; a caller of the identity provider, an enabled account.
     */
    private boolean stands(Caller who) {
        if (who.via() == Caller.Via.TOKEN) {
            return tokens.active(who.userId(), who.tokenName());
        }
        boolean localSession = who.via() == Caller.Via.WEB && Sessions.id(who.sessionKey()).isPresent();
        return localSession ? sessions.alive(who.sessionKey()) : lookup.enabled(who.userId());
    }
}
