package dev.preflight.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the API and the pages show of webhooks and their deliveries. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** A subscription, without its secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(long id, String team, String service, String url, WebhookFormat format,
            List<WebhookEvent> events, String description, String createdBy, Instant createdAt, Counts deliveries) {
    }

    /** How its deliveries went. */
    public record Counts(long pending, long delivered, long failed) {
    }

    /** A new subscription and its secret, shown this once. */
    public record Created(Subscription subscription, String secret) {
    }

    /** One delivery and how its attempts went. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(long id, WebhookEvent event, String status, int attempts, Instant nextAttemptAt,
            Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
    }
}
