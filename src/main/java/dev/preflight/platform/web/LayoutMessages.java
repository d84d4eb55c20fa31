package dev.preflight.platform.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the page layout, used as {@code {layoutmsg:key}}; English in {@code messages/layoutmsg.properties}.
 * Kept apart from the other texts: every page shows all of it, and a small bundle is quick to look up.
 */
@MessageBundle("layoutmsg")
public interface LayoutMessages {

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String menu();

    @Message
    String nav_label();

    @Message
    String nav_board();

    @Message
    String nav_work();

    @Message
    String nav_launches();

    @Message
    String nav_services();

    @Message
    String nav_checks();

    @Message
    String nav_templates();

    @Message
    String nav_teams();

    @Message
    String nav_users();

    @Message
    String account_label();

    @Message
    String nav_tokens();

    @Message
    String nav_webhooks();

    @Message
    String sign_out();

    @Message
    String footer_text();

    @Message
    String footer_api();

    @Message
    String footer_errors();

    @Message
    String nav_audit();

    @Message
    String nav_sign_off();

    @Message
    String nav_backup();

    @Message
    String answer_saved();

    @Message
    String answer_signed_out();

    @Message
    String answer_sign_in_again();

    @Message
    String answer_not_allowed();

    @Message
    String answer_failed();

    @Message
    String answer_unreachable();

    @Message
    String answer_kept();
}
