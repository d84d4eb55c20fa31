package dev.preflight.launch;

/** Fired, in the deciding transaction, when an approver records go or no-go. */
public record LaunchDecided(long launchId, String launchName, String serviceName, long teamId, String createdBy,
        LaunchState decision, String decidedBy, String rationale, String conditions) {
}
