package dev.preflight.launch;

import java.time.LocalDate;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the launch pages, used in templates as {@code {launchmsg:key}}. The English text lives
 * in {@code messages/launchmsg.properties}; a translation is a {@code launchmsg_<language>.properties}
 * beside it.
 */
@MessageBundle("launchmsg")
public interface LaunchMessages {

    @Message
    String launches_title();

    @Message
    String launches_intro();

    @Message
    String launches_new();

    @Message
    String launches_none();

    @Message
    String launch_new_intro();

    @Message
    String launch_choose_service();

    @Message
    String launch_service();

    @Message
    String launch_template();

    @Message
    String launch_template_hint();

    @Message
    String launch_name();

    @Message
    String launch_name_hint();

    @Message
    String launch_environment();

    @Message
    String launch_target_date();

    @Message
    String launch_created();

    @Message
    String launch_updated();

    @Message
    String launch_item_updated();

    @Message
    String launch_target(LocalDate date);

    @Message
    String launch_days_left(long days);

    @Message
    String launch_days_late(long days);

    @Message
    String launch_template_line(String name, int number);

    @Message
    String launch_upgrade_available(int number);

    @Message
    String launch_move(String state);

    @Message
    String launch_move_explained(String state);

    @Message
    String launch_counted(String kind, int count);

    @Message
    String launch_cancel_reason(boolean closing);

    @Message
    String launch_move_comment();

    @Message
    String launch_move_keep();

    @Message
    String launch_move_not_now(String state);

    @Message
    String launch_record_decision();

    @Message
    String launch_readiness();

    @Message
    String launch_readiness_of(String name);

    @Message
    String launch_required_resolved(int resolved, int required);

    @Message
    String launch_stat_blockers();

    @Message
    String launch_stat_signoffs();

    @Message
    String launch_stat_awaiting();

    @Message
    String launch_stat_stale();

    @Message
    String launch_stat_overdue();

    @Message
    String launch_go_blockers(int count);

    @Message
    String launch_decision();

    @Message
    String launch_decided_by(String name);

    @Message
    String launch_no_decision();

    @Message
    String launch_conditions();

    @Message
    String launch_conditions_hint();

    @Message
    String launch_waivers_in_force();

    @Message
    String launch_no_waivers();

    @Message
    String launch_item();

    @Message
    String launch_risk_owner();

    @Message
    String launch_compensating_control();

    @Message
    String launch_expires();

    @Message
    String launch_waived_by();

    @Message
    String launch_filter_label();

    @Message
    String launch_burn_up();

    @Message
    String launch_burn_up_intro();

    @Message
    String launch_filter(String key);

    @Message
    String launch_section_progress(int resolved, int required, int percent);


    @Message
    String launch_no_items_match();

    @Message
    String launch_needs_approver();

    @Message
    String launch_evidence();

    @Message
    String launch_reason();

    @Message
    String launch_reason_hint();

    @Message
    String launch_waived_until(LocalDate date, String owner);

    @Message
    String launch_signed_off_by(String name);

    @Message
    String launch_assignee();


    @Message
    String launch_due(LocalDate date);

    @Message
    String launch_overdue();

    @Message
    String launch_item_stale();

    @Message
    String launch_item_stale_detail();

    @Message
    String launch_item_refused();

    @Message
    String launch_changed_meanwhile();


    @Message
    String launch_evidence_link();

    @Message
    String launch_evidence_note();

    @Message
    String launch_action_done();

    @Message
    String launch_action_done_again();

    @Message
    String launch_action_sign_off();

    @Message
    String launch_action_withdraw_sign_off();

    @Message
    String launch_action_not_applicable();

    @Message
    String launch_action_blocked();

    @Message
    String launch_action_reopen();

    @Message
    String launch_action_waive();

    @Message
    String launch_action_assign();

    @Message
    String launch_action_due();

    @Message
    String launch_action_comment();


    @Message
    String launch_item_state();

    @Message
    String launch_status();

    @Message
    String launch_stale_at();

    @Message
    String launch_done_by();

    @Message
    String launch_signed_off();

    @Message
    String launch_due_date();

    @Message
    String launch_due_hint();

    @Message
    String launch_waiver();

    @Message
    String launch_item_actions();

    @Message
    String launch_no_evidence_needed();

    @Message
    String launch_not_applicable_or_blocked();

    @Message
    String launch_sign_off();

    @Message
    String launch_waive();

    @Message
    String launch_assign();

    @Message
    String launch_assignee_username();

    @Message
    String launch_assignee_hint();

    @Message
    String launch_comment();

    @Message
    String launch_history();

    @Message
    String launch_no_history();

    @Message
    String launch_decision_intro();

    @Message
    String launch_go_refused();

    @Message
    String launch_decide_go();

    @Message
    String launch_decide_no_go();

    @Message
    String launch_rationale();

    @Message
    String launch_not_decidable(String state);

    @Message
    String launch_state();

    @Message
    String launch_upgrade_title();

    @Message
    String launch_upgrade_none(String name, int number);

    @Message
    String launch_upgrade_intro(String name, int from, int to);

    @Message
    String launch_upgrade_added(int count);

    @Message
    String launch_upgrade_removed(int count);

    @Message
    String launch_upgrade_changed(int count, int unchanged);

    @Message
    String launch_upgrade_apply(int number);

    @Message
    String launch_follows(String what);

    @Message
    String launch_follows_open();

    @Message
    String launch_other_service();

    @Message
    String launch_service_hint();

    @Message
    String launch_report_title();

    @Message
    String launch_report_generated();

    @Message
    String launch_report_markdown();

    @Message
    String launch_report_facts();

    @Message
    String launch_report_sections();

    @Message
    String launch_report_signoffs();

    @Message
    String launch_report_open();

    @Message
    String launch_report_link();

    @Message
    String work_title();

    @Message
    String work_intro();

    @Message
    String work_assigned(int count);

    @Message
    String work_assigned_none();

    @Message
    String work_launch();

    @Message
    String work_condition();

    @Message
    String work_due();

    @Message
    String work_sign_off(int count);

    @Message
    String work_not_approver();

    @Message
    String work_sign_off_none();

    @Message
    String work_due_soon(int days);

    @Message
    String work_due_soon_none();

    /** How pages and messages name a launch state. */
    @Message
    String launch_state_label(String key);

    /** How pages name what an item counts as now. */
    @Message
    String item_condition_label(String key);

    @Message
    String launch_panel_close();

    @Message
    String launch_shortcuts();

    @Message
    String launch_shortcut_key(String key);

    @Message
    String launch_shortcut(String key);

    @Message
    String launch_items_refused();

    @Message
    String launch_decision_and_burn_up();

    @Message
    String launch_next_open();

    @Message
    String launch_pick_start();

    @Message
    String launch_pick_stop();

    @Message
    String launch_save_typed();

    @Message
    String launch_pick_title();

    @Message
    String launch_pick_link();

    @Message
    String launch_pick_note();

    @Message
    String launch_pick_done();

    @Message
    String launch_pick_not_applicable();

    @Message
    String launch_pick_assignee();

    @Message
    String launch_pick_assign();

    @Message
    String launch_show_section(int count, boolean resolved);

    @Message
    String launch_sections();

    @Message
    String launch_sections_menu(int done, int count);

    @Message
    String launch_pick(String title);

    @Message
    String launch_tick(String title);

    @Message
    String launch_evidence_placeholder(boolean link);

    @Message
    String launch_evidence_for(boolean link, String title);


    @Message
    String launch_panel_history();

    @Message
    String launch_assign_to_me();

    @Message
    String launch_pick_group(String kind);

    @Message
    String launch_due_by();

    /** "after launch: 2 of 6 resolved" */
    @Message
    String launch_phase_progress(String phase, int resolved, int items);

    @Message
    String launch_phase_holds(int count);

    @Message
    String launch_phase_overdue(int count);

    @Message
    String launch_owed_title();

    @Message
    String launch_owed_none();

    @Message
    String launch_owed_any();

    @Message
    String launch_owed_items(int count);

    @Message
    String launch_owed_not_yours();

    @Message
    String launch_go_policy(int tier, int deciders);

    @Message
    String launch_go_agreed(int count, int deciders);

    @Message
    String signoff_title();

    @Message
    String signoff_intro();

    @Message
    String signoff_saved();

    @Message
    String signoff_removed();

    @Message
    String signoff_groups();

    @Message
    String signoff_groups_intro();

    @Message
    String signoff_no_groups();

    @Message
    String signoff_new_group();

    @Message
    String signoff_group_key();

    @Message
    String signoff_group_key_hint();

    @Message
    String signoff_group_name();

    @Message
    String signoff_members();

    @Message
    String signoff_members_hint();

    @Message
    String signoff_add_group();

    @Message
    String signoff_policies();

    @Message
    String signoff_policies_intro();

    @Message
    String signoff_deciders();

    @Message
    String signoff_four_eyes();

    @Message
    String signoff_remove(String name);

    /** A section without required items: "3 of 4 resolved". */
    @Message
    String launch_section_settled(int settled, int items);

    @Message
    String launch_owed_undefined();

    @Message
    String launch_check_title();

    /** "Checked automatically: security headers (launch checklist) of https://shop.example.com". */
    @Message
    String launch_checked_by(String looksAt);

    @Message
    String launch_check_not_yet();

    @Message
    String launch_check_results();

    @Message
    String launch_check_again();

    @Message
    String launch_check_ran();

    /** passed, failed, not run, waiting. */
    @Message
    String launch_check_verdict(String key);

    @Message
    String launch_check_took(long millis);

    @Message
    String launch_check_run_by(String who);

    @Message
    String launch_check_what();

    @Message
    String launch_check_expected();

    @Message
    String launch_check_seen();

    @Message
    String launch_check_ok();

    @Message
    String launch_check_as_expected();

    @Message
    String launch_check_not_as_expected();

    @Message
    String launch_check_history();

    @Message
    String checks_title();

    @Message
    String checks_intro();

    /** "2 failing", "1 could not run", "3 waiting for a first run", "40 passing". */
    @Message
    String checks_count(String kind, long count);

    @Message
    String checks_all();

    @Message
    String checks_none();

    @Message
    String checks_none_failing();

    @Message
    String checks_result();

    @Message
    String checks_looks_at();

    @Message
    String checks_checked_at();
}
