package dev.preflight.launch;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A move of a launch to another state: in_review, launched or cancelled (go and no-go are
 * decisions, recorded through the decision endpoint).
 *
 * @param to      the new state
 * @param comment a remark for the history; the reason, required, when cancelling
 * @param version the launch version read; with If-Match, the header wins
 */
public record TransitionInput(
        @NotNull(message = "is required: in_review, launched or cancelled") LaunchState to,
        @Size(max = 10_000, message = "must be at most 10,000 characters") String comment,
        Long version) {
}
