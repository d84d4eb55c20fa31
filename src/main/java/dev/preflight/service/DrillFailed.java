package dev.preflight.service;

import java.time.LocalDate;

/**
 * Fired, in the writing transaction, when a service's drill did not pass or its restore tests
 * became overdue: webhooks tell their subscribers.
 *
 * @param why what happened, in words
 */
public record DrillFailed(long serviceId, String serviceSlug, String serviceName, String kind, LocalDate on,
        String why) {
}
