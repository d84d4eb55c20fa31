package dev.preflight.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the pages, used in templates as {@code {msg:key}}. The English text lives in
 * {@code messages/msg.properties}; a translation is a {@code msg_<language>.properties} beside it.
 */
@MessageBundle("msg")
public interface AppMessages {

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String nav_label();

    @Message
    String nav_services();

    @Message
    String nav_teams();

    @Message
    String footer_text();

    @Message
    String footer_api();

    @Message
    String footer_errors();

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
    String field_version();

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
    String services_title();

    @Message
    String services_intro();

    @Message
    String services_new();

    @Message
    String services_search();

    @Message
    String services_search_placeholder();

    @Message
    String services_count(long count);

    @Message
    String services_none();

    @Message
    String services_none_matching();

    @Message
    String services_deleted();

    @Message
    String service_about();

    @Message
    String service_no_description();

    @Message
    String service_created();

    @Message
    String service_updated();

    @Message
    String service_new_title();

    @Message
    String service_edit_title(String name);

    @Message
    String service_slug_hint();

    @Message
    String service_tier_hint();

    @Message
    String service_on_call_hint();

    @Message
    String service_delete_title(String name);

    @Message
    String service_delete_warning();

    @Message
    String teams_title();

    @Message
    String teams_intro();

    @Message
    String teams_new();

    @Message
    String teams_none();

    @Message
    String team_slug_hint();

    @Message
    String team_services_link();

    @Message
    String team_created();

    @Message
    String team_updated();

    @Message
    String team_deleted();

    @Message
    String team_rename();

    @Message
    String team_delete_title(String name);

    @Message
    String team_delete_warning();

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
    String nav_users();

    @Message
    String nav_tokens();

    @Message
    String account_label();

    @Message
    String actions();

    @Message
    String sign_out();

    @Message
    String sign_in();

    @Message
    String sign_in_heading();

    @Message
    String sign_in_help();

    @Message
    String sign_in_provider();

    @Message
    String signed_out();

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

    @Message
    String role_help(String role);

    @Message
    String account_title();

    @Message
    String account_who();

    @Message
    String account_no_teams();

    @Message
    String account_tokens_link();

    @Message
    String password_change();

    @Message
    String password_changed();

    @Message
    String password_rules();

    @Message
    String tokens_title();

    @Message
    String tokens_intro();

    @Message
    String tokens_mine();

    @Message
    String tokens_none();

    @Message
    String token_new();

    @Message
    String token_name_hint();

    @Message
    String token_write();

    @Message
    String token_write_hint();

    @Message
    String token_expires_on();

    @Message
    String token_expires_hint();

    @Message
    String token_created(String name);

    @Message
    String token_copy_now();

    @Message
    String token_usage();

    @Message
    String token_prefix();

    @Message
    String token_scopes();

    @Message
    String token_status();

    @Message
    String token_last_used();

    @Message
    String token_expires();

    @Message
    String token_never();

    @Message
    String token_revoke();

    @Message
    String token_revoke_named(String name);

    @Message
    String token_revoked();

    @Message
    String users_title();

    @Message
    String users_intro();

    @Message
    String user_new();

    @Message
    String user_new_help();

    @Message
    String username_hint();

    @Message
    String user_created(String username);

    @Message
    String user_password_once();

    @Message
    String user_status();

    @Message
    String user_enabled();

    @Message
    String user_disabled();

    @Message
    String user_last_sign_in();

    @Message
    String user_details();

    @Message
    String user_updated();

    @Message
    String user_enabled_label();

    @Message
    String user_enabled_hint();

    @Message
    String user_password_reset();

    @Message
    String user_password_reset_help();

    @Message
    String user_password_reset_done();

    @Message
    String members_link();

    @Message
    String members_title(String name);

    @Message
    String members_intro();

    @Message
    String members_none();

    @Message
    String members_add();

    @Message
    String members_remove();

    @Message
    String members_remove_named(String username);
}
