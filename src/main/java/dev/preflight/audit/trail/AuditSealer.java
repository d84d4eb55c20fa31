package dev.preflight.audit.trail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import dev.preflight.platform.metrics.SampledGauges;

/**
 * Chains new audit events every second or so, on whichever instance gets there first (the others
 * find the chain taken and do nothing), so an event is tamper-evident moments after it is recorded
 * and recording one never waits.
 */
@ApplicationScoped
class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);

    private final AuditTrail trail;
    private boolean failing;

    AuditSealer(AuditTrail trail) {
        this.trail = trail;
    }

    void measure(@Observes StartupEvent event, SampledGauges gauges) {
        gauges.register("preflight.audit.unsealed.events", "Audit events recorded but not chained yet",
                "SELECT count(*) FROM audit_event WHERE seq IS NULL");
        gauges.register("preflight.audit.seal.lag.seconds", "Age of the oldest audit event not chained yet",
                "SELECT extract(epoch FROM now() - occurred_at) FROM audit_event WHERE seq IS NULL ORDER BY id LIMIT 1");
    }

    @Scheduled(every = "${preflight.audit.seal-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void seal() {
        try {
            trail.seal();
            failing = false;
        } catch (IllegalStateException e) {
            if (!failing) {
                LOG.warnf("New audit events are not chained for now: %s", e.getCause() == null ? e.getMessage()
                        : e.getCause().getMessage());
            }
            failing = true;
        }
    }
}
