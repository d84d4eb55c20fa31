package dev.preflight.launch;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to open a launch: the service (slug), the template (slug) and, optionally,
 * which published version of it (the newest when left out), a name, the environment and the
 * target go-live date.
 */
public record LaunchInput(
        @NotBlank(message = "is required: the slug of the service to launch") String service,
        @NotBlank(message = "is required: the slug of a template with a published version") String template,
        @Min(value = 1, message = "must be a published version number, from 1") Integer templateVersion,
        @NotBlank(message = "is required, such as \"Payments API GA\"") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required, such as \"production\"") @Size(max = 100, message = "must be at most 100 characters") String environment,
        @NotNull(message = "is required: the planned go-live date (YYYY-MM-DD)") LocalDate targetDate) {
}
