package dev.preflight.identity;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;

import dev.preflight.platform.db.LiveFeed;

/**
 * Live-update streams last only as long as the credential that opened them. Every
 * {@link #CHECK_EVERY} an open stream asks the database whether its session or token still stands
 * (signed out, session expired or idle, token revoked or expired, account disabled, password
 * changed) and ends when it does not, whichever instance the credential ended on. Every
 * {@link #HEARTBEAT_EVERY} it sends a comment, which browsers ignore, so that load balancers and
 * proxies that close idle connections (often after 60 s) keep a quiet stream open.
 */
@ApplicationScoped
public class LiveStreams {

    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(20);

    /** What a stream passes on: an item (or null), and whether it is a check's tick. */
    private record Next(Object item, boolean tick) {
    }

    private final CurrentCaller caller;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final CallerLookup lookup;
    private final LiveFeed feed;

    LiveStreams(CurrentCaller caller, Sessions sessions, ApiTokens tokens, CallerLookup lookup, LiveFeed feed) {
        this.caller = caller;
        this.sessions = sessions;
        this.tokens = tokens;
        this.lookup = lookup;
        this.feed = feed;
    }

    /**
     * The stream with heartbeats, ended as soon as a check finds the current caller's credential no
     * longer stands, or Preflight begins to shut down.
     *
     * @param sse makes the heartbeat comments
     */
    public Multi<Object> whileSignedIn(Multi<?> stream, Sse sse) {
        Caller who = caller.get();
        long beatEvery = HEARTBEAT_EVERY.toMillis() / CHECK_EVERY.toMillis();
        Multi<Next> items = stream.map(item -> new Next(item, false));
        Multi<Next> checks = Multi.createFrom().ticks().every(CHECK_EVERY).map(tick -> new Next(
                (tick + 1) % beatEvery == 0 ? sse.newEventBuilder().comment("still here").build() : null, true));
        return Multi.createBy().merging().streams(items, checks)
                .select().first(next -> feed.open() && (!next.tick() || stands(who)))
                .filter(next -> next.item() != null).map(Next::item);
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
