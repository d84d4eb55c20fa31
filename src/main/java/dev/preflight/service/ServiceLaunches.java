package dev.preflight.service;

import java.time.LocalDate;
import java.util.List;

/** The launches of a service and its readiness badge, as the service's page shows them; provided by the launch feature. */
public interface ServiceLaunches {

    /** One launch in a service's list. */
    record Row(long id, String name, String state, String stateLabel, LocalDate targetDate, int percent,
            int openBlockers) {
    }

    /** The service's launches by target date, at most the first page. */
    List<Row> of(String serviceSlug);

    /** The address of the service's readiness badge, usable without signing in. */
    String badgePath(String serviceSlug);

    /** Whether the caller may open a launch of the service. */
    boolean mayOpen(String serviceSlug);
}
