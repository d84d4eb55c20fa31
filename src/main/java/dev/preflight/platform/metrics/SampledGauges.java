package dev.preflight.platform.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import dev.preflight.platform.db.Sql;

/**
 * Gauges whose values the database gives (a backlog, a lag), asked every 15 s in the background on
 * each instance, so that a scrape never waits for the database. A value that could not be asked
 * again for a minute is reported as NaN, which alert rules see as no value rather than an old one.
 * The gauges go with the application: a registry that outlives it (tests start it many times in
 * one JVM) keeps none of them.
 */
@ApplicationScoped
public class SampledGauges {

    private static final Logger LOG = Logger.getLogger(SampledGauges.class);
    private static final Duration STALE = Duration.ofMinutes(1);

    /** One gauge's query and its last answer. */
    private static final class Sample {

        private final String query;
        private volatile double value = Double.NaN;
        private volatile long askedAt;

        Sample(String query) {
            this.query = query;
        }

        double value() {
            return System.nanoTime() - askedAt > STALE.toNanos() ? Double.NaN : value;
        }
    }

    private final MeterRegistry registry;
    private final Sql sql;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();
    private boolean failing;

    public SampledGauges(MeterRegistry registry, Sql sql) {
        this.registry = registry;
        this.sql = sql;
    }

    /**
     * Adds a gauge.
     *
     * @param name        its name, dotted ({@code preflight.webhook.backlog})
     * @param description what it counts, for the metrics' HELP line
     * @param query       a query answering one number (NULL counts as 0)
     */
    public void register(String name, String description, String query) {
        Sample sample = new Sample(query);
        samples.add(sample);
        gauges.add(Gauge.builder(name, sample, Sample::value).description(description).register(registry));
    }

    void stop(@Observes ShutdownEvent event) {
        gauges.forEach(registry::remove);
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try {
            sql.read(c -> {
                for (Sample sample : samples) {
                    Double value = Sql.first(c, sample.query, r -> r.getDouble(1));
                    sample.value = value == null ? 0 : value;
                    sample.askedAt = System.nanoTime();
                }
                return null;
            });
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Metrics from the database are not up to date for now: %s", e.getCause() == null
                        ? e.getMessage() : e.getCause().getMessage());
            }
            failing = true;
        }
    }
}
