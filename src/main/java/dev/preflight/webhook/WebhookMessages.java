package dev.preflight.webhook;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The text of the webhook pages, used as {@code {webhookmsg:key}}; English in {@code messages/webhookmsg.properties}. */
@MessageBundle("webhookmsg")
public interface WebhookMessages {

    @Message
    String title();

    @Message
    String intro();

    @Message
    String deleted();

    @Message
    String created(String url);

    @Message
    String secret_once();

    @Message
    String signature_help();

    @Message
    String subscriptions();

    @Message
    String none();

    @Message
    String col_url();

    @Message
    String col_scope();

    @Message
    String col_events();

    @Message
    String col_deliveries();

    @Message
    String team_scope(String team);

    @Message
    String service_scope(String service);

    @Message
    String counts(long delivered, long pending, long failed);

    @Message
    String make_new();

    @Message
    String url();

    @Message
    String url_hint();

    @Message
    String team();

    @Message
    String team_hint();

    @Message
    String service();

    @Message
    String service_hint();

    @Message
    String events();

    @Message
    String format();

    @Message
    String format_json();

    @Message
    String format_slack();

    @Message
    String description();

    @Message
    String detail_title();

    @Message
    String made_by(String name);

    @Message
    String delete();

    @Message
    String deliveries();

    @Message
    String deliveries_intro();

    @Message
    String no_deliveries();

    @Message
    String col_event();

    @Message
    String col_status();

    @Message
    String col_attempts();

    @Message
    String col_last();

    @Message
    String col_when();

    @Message
    String next_attempt();

    @Message
    String delivered_at();

    /** How pages name what a webhook is told about. */
    @Message
    String webhook_event_label(String key);

    @Message
    String delete_warning();
}
