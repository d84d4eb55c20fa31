package dev.preflight.identity;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.db.Sql;

/**
 * Counts failed sign-ins and token attempts per account or address over a sliding window, in the
 * database so that every instance sees the same counts. Failures are recorded in their own
 * transaction: they stay counted whatever happens to the request.
 */
@ApplicationScoped
public class Throttle {

    /** What a failure is counted against. */
    public enum Scope {
        ACCOUNT, ADDRESS, TOKEN;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final EntityManager em;
    private final Sql sql;

    public Throttle(EntityManager em, Sql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** How long to wait before trying again, or zero when the key is under its limit. One query, no transaction. */
    public Duration retryAfter(Scope scope, String key, PreflightConfig.Throttle limits) {
        double window = limits.window().toSeconds();
        return sql.read(c -> Sql.first(c, """
                SELECT count(*), ceil(extract(epoch FROM min(failed_at) + make_interval(secs => ?) - now()))
                FROM auth_failure WHERE scope = ? AND key = ? AND failed_at > now() - make_interval(secs => ?)""",
                r -> r.getLong(1) < limits.maxFailures() || r.getObject(2) == null ? Duration.ZERO
                        : Duration.ofSeconds(Math.max(1, r.getLong(2))), window, scope.key(), key, window));
    }

    public void fail(Scope scope, String key) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO auth_failure (scope, key) VALUES (:scope, :key)")
                    .setParameter("scope", scope.key()).setParameter("key", key).executeUpdate();
            em.createNativeQuery("DELETE FROM auth_failure WHERE failed_at < now() - interval '1 day'").executeUpdate();
        });
    }

    public void clear(Scope scope, String key) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM auth_failure WHERE scope = :scope AND key = :key")
                .setParameter("scope", scope.key()).setParameter("key", key).executeUpdate());
    }
}
