package dev.preflight.launch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An approver's go or no-go.
 *
 * @param decision   go or no_go
 * @param rationale  why, for the record
 * @param conditions what a go depends on (only for a go)
 * @param version    the launch version read; with If-Match, the header wins
 */
public record DecisionInput(
        @NotNull(message = "is required: go or no_go") LaunchState decision,
        @NotBlank(message = "is required: why this decision") @Size(max = 10_000, message = "must be at most 10,000 characters") String rationale,
        @Size(max = 10_000, message = "must be at most 10,000 characters") String conditions,
        Long version) {
}
