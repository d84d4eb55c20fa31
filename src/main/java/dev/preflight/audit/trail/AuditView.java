package dev.preflight.audit.trail;

import java.time.Instant;

/**
 * One audit event as the API and pages show it: who ({@code actor}, through {@code via}) did what
 * to which target, with the target's state before and after as JSON text, and its place in the
 * hash chain (null for a second or so after it was recorded).
 */
public record AuditView(long id, Long seq, Instant at, String actor, String via, String action, String targetType,
        String targetId, String before, String after, String requestId, String sourceAddress, String hash) {
}
