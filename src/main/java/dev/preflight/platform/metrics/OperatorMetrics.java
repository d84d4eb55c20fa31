package dev.preflight.platform.metrics;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.DoubleStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.DiskSpaceMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.Scheduler;

import dev.preflight.platform.PreflightConfig;

/**
 * What operators watch beyond the defaults (docs/operations/prometheus-rules.yml): request latency
 * as a histogram whose buckets include the alert thresholds (2 s and 5 s), free space where
 * Preflight keeps its data, and failures of scheduled work, counted per job from the start so that
 * a job that never failed shows 0.
 */
@ApplicationScoped
public class OperatorMetrics {

    /** Latency buckets, in seconds. */
    private static final double[] BUCKETS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30 };

    private final MeterRegistry registry;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(DoubleStream.of(BUCKETS)
                                .map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)).toNanos()).toArray())
                        .build().merge(config);
            }
        };
    }

    void start(@Observes StartupEvent event, Scheduler scheduler, PreflightConfig config) {
        new DiskSpaceMetrics(new File(config.dataDir())).bindTo(registry);
        scheduler.getScheduledJobs().forEach(job -> failures(job.getMethodDescription()));
    }

    void failed(@Observes FailedExecution failed) {
        failures(failed.getExecution().getTrigger().getMethodDescription()).increment();
    }

    private Counter failures(String job) {
        return failures.computeIfAbsent(job, name -> Counter.builder("preflight.scheduled.failures")
                .description("Runs of scheduled work that ended with an error").tag("work", name).register(registry));
    }
}
