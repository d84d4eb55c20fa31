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
    String nav_tokens();


    @Message
    String actions();


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


    @Message
    String templates_title();

    @Message
    String templates_intro();

    @Message
    String templates_import();

    @Message
    String template_source();

    @Message
    String template_version();

    @Message
    String template_size();

    @Message
    String template_builtin();

    @Message
    String template_draft_open();

    @Message
    String template_counts(int sections, int items);

    @Message
    String template_created();

    @Message
    String template_published();

    @Message
    String template_discarded();

    @Message
    String template_unchanged();

    @Message
    String template_version_line(int number, String status);

    @Message
    String template_history();

    @Message
    String template_history_of(String name);

    @Message
    String template_export_yaml();

    @Message
    String template_export_markdown();

    @Message
    String template_edit();

    @Message
    String template_continue_draft();

    @Message
    String template_about();

    @Message
    String template_drawn_from();

    @Message
    String template_how_derived();

    @Message
    String template_cloned_from();

    @Message
    String template_clone();

    @Message
    String template_slug_hint();

    @Message
    String template_items(int count);

    @Message
    String template_signoff(String role);

    @Message
    String template_evidence(String kind);

    @Message
    String template_every(int days);

    @Message
    String template_tiers(String levels);

    @Message
    String template_guidance();

    @Message
    String template_facts();

    @Message
    String template_facts_intro();

    @Message
    String template_no_version();

    @Message
    String template_status();

    @Message
    String template_published_by();

    @Message
    String template_draft_by(String user);

    @Message
    String template_compare();

    @Message
    String template_compare_from();

    @Message
    String template_compare_with();

    @Message
    String template_compare_to();

    @Message
    String template_diff_title(String from, String to);

    @Message
    String template_diff_summary(int added, int removed, int changed);

    @Message
    String template_diff_none();

    @Message
    String template_diff_sections();

    @Message
    String template_diff_added();

    @Message
    String template_diff_removed();

    @Message
    String template_diff_changed();

    @Message
    String template_diff_field();

    @Message
    String template_diff_before();

    @Message
    String template_diff_after();

    @Message
    String template_import_intro();

    @Message
    String template_import_refused(int count);

    @Message
    String template_line(int line);

    @Message
    String template_import_paste();

    @Message
    String template_import_paste_hint();

    @Message
    String template_import_file();

    @Message
    String template_import_format();

    @Message
    String template_import_format_auto();

    @Message
    String template_import_name();

    @Message
    String template_import_name_hint();

    @Message
    String template_import_publish();

    @Message
    String template_draft_title(String name);

    @Message
    String template_draft_intro(int number);

    @Message
    String template_draft_saved();

    @Message
    String template_publish(int number);

    @Message
    String template_discard();

    @Message
    String template_section_title();

    @Message
    String template_rename();

    @Message
    String template_move_up_named(String name);

    @Message
    String template_move_down_named(String name);

    @Message
    String template_remove_named(String name);

    @Message
    String template_new_item();

    @Message
    String template_add_item();

    @Message
    String template_add_section();

    @Message
    String template_edit_item();

    @Message
    String template_item_title();

    @Message
    String template_guidance_hint();

    @Message
    String template_severity();

    @Message
    String template_role();

    @Message
    String template_evidence_label();

    @Message
    String template_recurrence();

    @Message
    String template_recurrence_hint();

    @Message
    String template_tiers_label();



    @Message
    String service_launches();

    @Message
    String service_no_launches();

    @Message
    String service_badge();

    @Message
    String service_badge_hint();

    @Message
    String service_recovery_open();

    @Message
    String service_recovery_none();

    @Message
    String service_recovery_consistent(int count);

    @Message
    String service_recovery_inconsistent(int count);

    @Message
    String service_recovery_overdue();

    @Message
    String service_runbook_open();

    @Message
    String service_runbook_none();

    @Message
    String service_runbook_complete(int revision);

    @Message
    String service_runbook_incomplete(int count);

    @Message
    String template_satisfied_by_label();

    @Message
    String template_satisfied_by_hint();

    @Message
    String template_satisfied_by_manual();

    @Message
    String template_follows(String what);

    @Message
    String catalog_import_title();

    @Message
    String catalog_import_intro();

    @Message
    String catalog_import_done();

    @Message
    String catalog_import_preview();

    @Message
    String catalog_import_counts(int created, int updated, int unchanged, int skipped);

    @Message
    String catalog_import_document();

    @Message
    String catalog_import_component();

    @Message
    String catalog_import_action();

    @Message
    String catalog_import_details();

    @Message
    String catalog_import_team(String team);

    @Message
    String catalog_import_verb(String action, boolean applied);

    @Message
    String catalog_import_fields();

    @Message
    String catalog_import_apply();

    @Message
    String catalog_import_text();

    @Message
    String catalog_import_text_hint();

    @Message
    String catalog_import_file();

    @Message
    String catalog_import_preview_button();

    @Message
    String audit_title();

    @Message
    String audit_intro();

    @Message
    String audit_filters();

    @Message
    String audit_filter(String name);

    @Message
    String audit_apply();

    @Message
    String audit_clear();

    @Message
    String audit_count(long total);

    @Message
    String audit_csv();

    @Message
    String audit_json();

    @Message
    String audit_none();

    @Message
    String audit_at();

    @Message
    String audit_target();

    @Message
    String audit_change();

    @Message
    String audit_details();

    @Message
    String audit_before();

    @Message
    String audit_after();

    @Message
    String audit_verify();

    @Message
    String audit_verify_title();

    @Message
    String audit_verify_intro();

    @Message
    String audit_intact(long checked);

    @Message
    String audit_broken(long seq, long id, String reason);

    @Message
    String audit_head();

    @Message
    String audit_head_help();

    @Message
    String audit_head_label(long seq);

    @Message
    String backup_title();

    @Message
    String backup_intro();

    @Message
    String backup_download();

    @Message
    String backup_private();

    @Message
    String backup_command();

    @Message
    String backup_command_help();

    @Message
    String backup_restore();

    @Message
    String backup_restore_help();
}
