package dev.preflight.identity;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.platform.PreflightConfig;

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

    public Throttle(EntityManager em) {
        this.em = em;
    }

    /** How long to wait before trying again, or zero when the key is under its limit. */
    public Duration retryAfter(Scope scope, String key, PreflightConfig.Throttle limits) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    SELECT count(*), ceil(extract(epoch FROM min(failed_at) + make_interval(secs => :window) - now()))
                    FROM auth_failure
                    WHERE scope = :scope AND key = :key AND failed_at > now() - make_interval(secs => :window)
                    """)
                    .setParameter("scope", scope.key())
                    .setParameter("key", key)
                    .setParameter("window", (double) limits.window().toSeconds())
                    .getSingleResult();
            long failures = ((Number) row[0]).longValue();
            if (failures < limits.maxFailures() || row[1] == null) {
                return Duration.ZERO;
            }
            return Duration.ofSeconds(Math.max(1, ((Number) row[1]).longValue()));
        });
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
