package dev.preflight.platform.db;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Removes what is only kept for a while, every hour on one instance: idempotency records older than
 * a day (a client retrying later than that makes a new request) and webhook deliveries delivered
 * or given up on more than thirty days ago.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final String WORK = "housekeeping";

    private final Exclusive exclusive;
    private final Sql sql;

    public Housekeeping(Exclusive exclusive, Sql sql) {
        this.exclusive = exclusive;
        this.sql = sql;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        exclusive.run(WORK, this::sweep);
    }

    void sweep() {
        int records = sql.read(c -> Sql.update(c, "DELETE FROM idempotency_record WHERE created_at < now() - interval '1 day'"));
        int deliveries = sql.read(c -> Sql.update(c, "DELETE FROM webhook_delivery WHERE status <> 'PENDING' "
                + "AND created_at < now() - interval '30 days'"));
        if (records + deliveries > 0) {
            LOG.infof("Removed %d idempotency records and %d old webhook deliveries", records, deliveries);
        }
    }
}
