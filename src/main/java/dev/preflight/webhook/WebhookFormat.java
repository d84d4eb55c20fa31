package dev.preflight.webhook;

import dev.preflight.platform.text.Keyed;


/** The shape of a delivery: Preflight's JSON, or a message a Slack incoming webhook shows. */
public enum WebhookFormat implements Keyed {
    JSON,
    SLACK;

    @Override
    public String toString() {
        return key();
    }
}
