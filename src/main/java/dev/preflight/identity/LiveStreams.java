package dev.preflight.identity;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;

import dev.preflight.platform.PreflightConfig;

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
    private final CallerLookup lookup;
    private final Duration idle;

    LiveStreams(CurrentCaller caller, CallerLookup lookup, PreflightConfig config) {
        this.caller = caller;
        this.lookup = lookup;
        this.idle = config.auth().sessionIdleTimeout();
    }

    /** The stream, ended as soon as a check finds the current caller's credential no longer stands. */
    public <T> Multi<T> whileSignedIn(Multi<T> stream) {
        Caller who = caller.get();
        Multi<Optional<T>> items = stream.map(Optional::of);
        Multi<Optional<T>> checks = Multi.createFrom().ticks().every(CHECK_EVERY).map(tick -> Optional.<T>empty());
        return Multi.createBy().merging().streams(items, checks)
                .select().first(item -> item.isPresent() || lookup.stands(who, idle))
                .filter(Optional::isPresent).map(Optional::get);
    }
}
