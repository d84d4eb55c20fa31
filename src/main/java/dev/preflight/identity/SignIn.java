package dev.preflight.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.Actor;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;

/**
 * Local sign-in and sign-out. Wrong passwords hold back further attempts on the account from the
 * same address ({@link Throttle}); every attempt, successful or not, is audited. The answer to a failure never tells whether the account exists.
 */
@ApplicationScoped
public class SignIn {

    private final Passwords passwords;
    private final Sessions sessions;
    private final Throttle throttle;
    private final AuditLog audit;

    public SignIn(Passwords passwords, Sessions sessions, Throttle throttle, AuditLog audit) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** Checks the credentials and starts a session; returns the secret for the session cookie. */
    public String signIn(String username, String password, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        refuseWhileHeldBack(name, address);
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
            wrongPassword(name, address);
            audit.recordAttempt(Actor.ANONYMOUS, "auth.login.failure", "user", name);
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The user name or the password is wrong.");
        }
        throttle.passwordSucceeded(name, address);
        return secret.get();
    }

    /**
     * Refuses (429, the password unchecked) a password attempt for the account from the address
     * while its earlier failures hold it back ({@link Throttle}).
     */
    void refuseWhileHeldBack(String account, String address) {
        Duration wait = throttle.beforePassword(account, address);
        if (!wait.isZero()) {
            audit.recordAttempt(Actor.ANONYMOUS, "auth.login.throttled", "user", account);
            throw ProblemException.tooManyRequests("Too many wrong passwords for this account from your address. "
                    + "Try again in " + wait.toSeconds() + (wait.toSeconds() == 1 ? " second." : " seconds."), wait);
        }
    }

    /** Counts a wrong password for the account from the address. */
    void wrongPassword(String account, String address) {
        throttle.passwordFailed(account, address);
    }

    /** Ends the session of the cookie; the cookie is worthless afterwards, wherever a copy of it is. */
    public void signOut(Caller caller, String secret) {
        QuarkusTransaction.requiringNew().run(() -> {
            sessions.end(secret);
            audit.record(CallerActorSource.actor(caller), "auth.logout", "user", caller.username(), null, null);
        });
    }

}
