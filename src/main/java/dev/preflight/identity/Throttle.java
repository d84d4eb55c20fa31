package dev.preflight.identity;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.Actor;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.db.Sql;

/**
 * Holds back guessing without locking anyone out. Failures are counted in the database, so that
 * every instance sees the same counts, each in a transaction of its own.
 * <ul>
 * <li>Passwords (sign-in, and the current password when changing it): once one account has failed
 * {@code login.max-failures} times from one address within the window, attempts for that account
 * from that address are taken one at a time, the wait between them doubling from a second up to the
 * window; an attempt inside the wait is answered 429 without its password being checked. The same
 * account from another address, and other accounts from the same address, are not held back: a
 * correct password is never refused because of someone else's failures. Failures per account (from
 * any address) and per address (on any account) are counted too and reported in the log and the
 * audit log once they pass their limits: that is what an attack looks like.</li>
 * <li>API tokens: a valid token is always accepted; once an address has sent
 * {@code token.max-failures} unknown tokens within the window, further unknown ones from it are
 * answered 429 instead of 401.</li>
 * </ul>
 */
@ApplicationScoped
public class Throttle {

    private static final Logger LOG = Logger.getLogger(Throttle.class);

    /** What a failure is counted against. */
    enum Scope {
        ACCOUNT, ADDRESS, TOKEN, PAIR;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final EntityManager em;
    private final Sql sql;
    private final AuditLog audit;
    private final PreflightConfig.Throttle login;
    private final PreflightConfig.Throttle loginAddress;
    private final PreflightConfig.Throttle token;

    public Throttle(EntityManager em, Sql sql, AuditLog audit, PreflightConfig config) {
        this.em = em;
        this.sql = sql;
        this.audit = audit;
        this.login = config.auth().login();
        this.loginAddress = config.auth().loginAddress();
        this.token = config.auth().token();
    }

    /**
     * How long the account must wait before a password attempt from the address is checked; zero
     * when it may be checked now. One query, no transaction.
     */
    Duration beforePassword(String account, String address) {
        double window = login.window().toSeconds();
        return sql.read(c -> Sql.first(c, """
                SELECT count(*), extract(epoch FROM max(failed_at) - now()) FROM auth_failure
                WHERE scope = 'pair' AND key = ? AND failed_at > now() - make_interval(secs => ?)""", r -> {
            long failures = r.getLong(1);
            if (failures < login.maxFailures()) {
                return Duration.ZERO;
            }
            double pause = Math.min(window, Math.pow(2, failures - login.maxFailures()));
            double left = r.getDouble(2) + pause;
            return left <= 0 ? Duration.ZERO : Duration.ofSeconds((long) Math.ceil(left));
        }, pair(account, address), window));
    }

    /** Counts a wrong password, and reports the account or the address once it passes its limit. */
    void passwordFailed(String account, String address) {
        long[] counts = QuarkusTransaction.requiringNew().call(() -> {
            forgetOld();
            return new long[] { record(Scope.PAIR, pair(account, address), login.window()),
                record(Scope.ACCOUNT, account, login.window()), record(Scope.ADDRESS, address, loginAddress.window()) };
        });
        if (counts[1] == login.maxFailures()) {
            LOG.warnf("%d failed sign-ins for account '%s' within %s, the latest from %s: the account is being guessed",
                    counts[1], account, login.window(), address);
            audit.recordAttempt(Actor.ANONYMOUS, "auth.attack.account", "user", account);
        }
        if (counts[2] == loginAddress.maxFailures()) {
            LOG.warnf("%d failed sign-ins from %s within %s: someone there is guessing passwords", counts[2], address,
                    loginAddress.window());
            audit.recordAttempt(Actor.ANONYMOUS, "auth.attack.address", "address", address);
        }
    }

    /** Forgets the failures of the account from the address, after its correct password. */
    void passwordSucceeded(String account, String address) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM auth_failure WHERE scope = 'pair' AND key = :key")
                .setParameter("key", pair(account, address)).executeUpdate());
    }

    /** Counts an unknown token from the address; true when the address has now sent too many. */
    boolean tokenFailed(String address) {
        long count = QuarkusTransaction.requiringNew().call(() -> {
            forgetOld();
            return record(Scope.TOKEN, address, token.window());
        });
        if (count == token.maxFailures()) {
            LOG.warnf("%d unknown API tokens from %s within %s: someone there is guessing tokens", count, address,
                    token.window());
            audit.recordAttempt(Actor.ANONYMOUS, "auth.attack.token", "address", address);
        }
        return count > token.maxFailures();
    }

    /** How long an address that sent too many unknown tokens waits until its oldest failure leaves the window. */
    Duration tokenWait(String address) {
        double window = token.window().toSeconds();
        return sql.read(c -> Sql.first(c, """
                SELECT ceil(extract(epoch FROM min(failed_at) + make_interval(secs => ?) - now())) FROM auth_failure
                WHERE scope = 'token' AND key = ? AND failed_at > now() - make_interval(secs => ?)""",
                r -> Duration.ofSeconds(Math.max(1, r.getLong(1))), window, address, window));
    }

    /** Records one failure and returns the key's failures within the window, this one included. */
    private long record(Scope scope, String key, Duration window) {
        em.createNativeQuery("INSERT INTO auth_failure (scope, key) VALUES (:scope, :key)")
                .setParameter("scope", scope.key()).setParameter("key", key).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT count(*) FROM auth_failure WHERE scope = :scope AND key = :key "
                + "AND failed_at > now() - make_interval(secs => :window)").setParameter("scope", scope.key())
                .setParameter("key", key).setParameter("window", (double) window.toSeconds()).getSingleResult())
                .longValue();
    }

    /** Failures older than a day count for nothing any more. */
    private void forgetOld() {
        em.createNativeQuery("DELETE FROM auth_failure WHERE failed_at < now() - interval '1 day'").executeUpdate();
    }

    private static String pair(String account, String address) {
        return address + " " + account;
    }
}
