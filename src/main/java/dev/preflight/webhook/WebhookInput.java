package dev.preflight.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A new subscription: a team or a service (exactly one), the URL, the events, and the format
 * ({@code json} unless {@code slack}).
 */
public record WebhookInput(
        @Size(max = 64, message = "must be a team's slug") String team,
        @Size(max = 64, message = "must be a service's slug") String service,
        @NotBlank(message = "is required: where deliveries are sent (https://...)")
        @Size(max = 2000, message = "must be at most 2000 characters") String url,
        @NotEmpty(message = "is required: one or more of item_changed, sign_off_needed, decision_made, "
                + "launch_overdue, drill_failed, waiver_expiring, item_due") List<String> events,
        String format,
        @Size(max = 500, message = "must be at most 500 characters") String description) {
}
