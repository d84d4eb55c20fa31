package dev.preflight.service;

/**
 * Fired, in the writing transaction, when a service's traits change: launches still before go
 * leave out or bring back the items whose conditions follow them.
 */
public record ServiceTraitsChanged(long serviceId, ServiceTraits traits) {
}
