package dev.preflight.webhook;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The shape of a delivery: Preflight's JSON, or a message a Slack incoming webhook shows. */
public enum WebhookFormat {
    JSON,
    SLACK;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
