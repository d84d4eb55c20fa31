package dev.preflight.service;

/**
 * Fired, in the writing transaction, when anything behind a service's recovery posture changes:
 * its recovery targets, a drill of any kind, its runbook or the day it was last exercised.
 */
public record ServiceRecoveryChanged(long serviceId, String serviceSlug) {
}
