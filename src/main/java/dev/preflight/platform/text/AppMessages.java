package dev.preflight.platform.text;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the pages, used in templates as {@code {msg:key}}. The English text lives in
 * {@code messages/msg.properties}; a translation is a {@code msg_<language>.properties} beside it.
 */
@MessageBundle("msg")
public interface AppMessages {

    @Message
    String nav_services();

    @Message
    String nav_teams();

    @Message
    String loading();

    @Message
    String action_edit();

    @Message
    String action_save();

    @Message
    String action_cancel();

    @Message
    String action_delete();

    @Message
    String field_name();

    @Message
    String field_slug();

    @Message
    String field_team();

    @Message
    String field_tier();

    @Message
    String field_lifecycle();

    @Message
    String field_description();

    @Message
    String field_on_call();

    @Message
    String field_repository_url();

    @Message
    String field_dashboard_url();

    @Message
    String field_health_url();

    @Message
    String field_updated();


    @Message
    String filter_any();

    @Message
    String filter_apply();

    @Message
    String form_required_note();

    @Message
    String form_has_errors(int count);

    @Message
    String form_currently_saved();

    @Message
    String form_conflict_help();

    @Message
    String form_choose_team();

    @Message
    String form_no_teams();

    @Message
    String pagination_label();

    @Message
    String pagination_status(int page, int pages, long total);

    @Message
    String pagination_previous();

    @Message
    String pagination_next();

    @Message
    String tier_label(int tier);

    @Message
    String tier_title(int tier);

    @Message
    String error_status(int status);

    @Message
    String error_request_id();

    @Message
    String error_home();

    @Message
    String problems_title();

    @Message
    String problems_intro();

    @Message
    String problems_type();

    @Message
    String problems_status();

    @Message
    String problems_meaning();

    @Message
    String nav_tokens();

    @Message
    String actions();

    @Message
    String field_username();

    @Message
    String field_password();

    @Message
    String field_current_password();

    @Message
    String field_new_password();

    @Message
    String field_email();

    @Message
    String field_role();

    /** How a page names a field of a refused form or change: "Evidence link" for evidenceLink. */
    @Message
    String field_label(String name);
}
