package dev.preflight.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The launches of a service and its readiness badge, as the service's page shows them; provided by the launch feature. */
public interface ServiceLaunches {

    /** One launch in a service's list. */
    record Row(long id, String name, String state, String stateLabel, LocalDate targetDate, int percent,
            int openBlockers) {
    }

    /**
     * One ongoing duty of the service: a recurring item of the after-launch phase of its latest
     * launch that went live, with what it counts as now and when it is next due.
     */
    record Duty(long launch, String key, String title, int recurrenceDays, String condition, String conditionLabel,
            boolean resolved, Instant dueAgain) {
    }

    /** How the service's automated checks stand: how many fail, could not run, wait for a first run, pass. */
    record Checks(long failed, long notRun, long waiting, long passed) {

        public long total() {
            return failed + notRun + waiting + passed;
        }
    }

    /** How the checks of the service's running launches stand. */
    Checks checks(String serviceSlug);

    /** The service's standing duties: the ongoing items of its most recent launched or closed launch. */
    List<Duty> duties(String serviceSlug);

    /** The service's launches by target date, at most the first page. */
    List<Row> of(String serviceSlug);

    /** The address of the service's readiness badge, usable without signing in. */
    String badgePath(String serviceSlug);

    /** Whether the caller may open a launch of the service. */
    boolean mayOpen(String serviceSlug);
}
