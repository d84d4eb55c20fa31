package dev.preflight.platform.db;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.preflight.platform.PreflightConfig;

/**
 * Removes what is only kept for a while, every hour on one instance: idempotency records older than
 * a day (a client retrying later than that makes a new request), webhook deliveries delivered or
 * given up on more than thirty days ago, and browser sessions a day after they ended (signed out,
 * expired, or idle too long): the audit log keeps who signed in and out.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final String WORK = "housekeeping";

    private final Exclusive exclusive;
    private final Sql sql;
    private final Duration idle;

    public Housekeeping(Exclusive exclusive, Sql sql, PreflightConfig config) {
        this.exclusive = exclusive;
        this.sql = sql;
        this.idle = config.auth().sessionIdleTimeout();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        exclusive.run(WORK, this::sweep);
    }

    void sweep() {
        int records = sql.read(c -> Sql.update(c, "DELETE FROM idempotency_record WHERE created_at < now() - interval '1 day'"));
        int deliveries = sql.read(c -> Sql.update(c, "DELETE FROM webhook_delivery WHERE status <> 'PENDING' "
                + "AND created_at < now() - interval '30 days'"));
        int sessions = sql.read(c -> Sql.update(c, """
                DELETE FROM user_session WHERE ended_at < now() - interval '1 day'
                    OR expires_at < now() - interval '1 day' OR last_seen_at < now() - interval '1 day' - ? * interval '1 second'""",
                idle.toSeconds()));
        if (records + deliveries + sessions > 0) {
            LOG.infof("Removed %d idempotency records, %d old webhook deliveries and %d ended sessions", records,
                    deliveries, sessions);
        }
    }
}
