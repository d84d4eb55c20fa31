package dev.preflight.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.Actor;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;

/**
 * Local sign-in and sign-out. Failures are throttled per account and per address; every attempt,
 * successful or not, is audited. The answer to a failure never tells whether the account exists.
 */
@ApplicationScoped
public class SignIn {

    private final Passwords passwords;
    private final Sessions sessions;
    private final Throttle throttle;
    private final AuditLog audit;
    private final PreflightConfig config;

    public SignIn(Passwords passwords, Sessions sessions, Throttle throttle, AuditLog audit, PreflightConfig config) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.config = config;
    }

    /** Checks the credentials and starts a session; returns the secret for the session cookie. */
    public String signIn(String username, String password, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Duration wait = max(throttle.retryAfter(Throttle.Scope.ACCOUNT, name, config.auth().login()),
                throttle.retryAfter(Throttle.Scope.ADDRESS, address, config.auth().loginAddress()));
        if (!wait.isZero()) {
            audit.recordAttempt(Actor.ANONYMOUS, "auth.login.throttled", "user", name);
            throw ProblemException.tooManyRequests("Too many failed sign-ins. Try again in "
                    + Math.max(1, (wait.toSeconds() + 59) / 60) + " minute(s).", wait);
        }
        Optional<String> secret = QuarkusTransaction.requiringNew().call(() -> {
            Optional<User> user = User.findByUsername(name).filter(u -> u.enabled);
            if (!passwords.matches(password, user.map(u -> u.passwordHash).orElse(null))) {
                return Optional.<String> empty();
            }
            String started = sessions.start(user.get(), address);
            audit.record(new Actor(user.get().id, user.get().username, "web"), "auth.login.success", "user",
                    user.get().username, null, null);
            return Optional.of(started);
        });
        if (secret.isEmpty()) {
            throttle.fail(Throttle.Scope.ACCOUNT, name);
            throttle.fail(Throttle.Scope.ADDRESS, address);
            audit.recordAttempt(Actor.ANONYMOUS, "auth.login.failure", "user", name);
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The user name or the password is wrong.");
        }
        throttle.clear(Throttle.Scope.ACCOUNT, name);
        return secret.get();
    }

    /** Ends the session of the cookie; the cookie is worthless afterwards, wherever a copy of it is. */
    public void signOut(Caller caller, String secret) {
        QuarkusTransaction.requiringNew().run(() -> {
            sessions.end(secret);
            audit.record(CallerActorSource.actor(caller), "auth.logout", "user", caller.username(), null, null);
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
