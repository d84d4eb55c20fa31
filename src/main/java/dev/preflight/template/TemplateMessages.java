package dev.preflight.template;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the template pages, used in templates as {@code {templatemsg:key}}. The English text lives in
 * {@code messages/templatemsg.properties}; a translation is a {@code templatemsg_<language>.properties} beside it.
 */
@MessageBundle("templatemsg")
public interface TemplateMessages {

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
    String template_satisfied_by_label();

    @Message
    String template_satisfied_by_hint();

    @Message
    String template_satisfied_by_manual();

    @Message
    String template_follows(String what);

    /** The badge of an item ticked by a check: "checked automatically: TLS of ${service.baseUrl}". */
    @Message
    String template_checked(String what);

    @Message
    String template_check_label();

    @Message
    String template_check_hint();

    /** How pages name the recovery data that satisfies an item. */
    @Message
    String satisfied_by_label(String key);

    @Message
    String template_discard_warning(int number);

    /** How pages name a phase: "before go-live", "after launch". */
    @Message
    String phase_label(String key);

    @Message
    String template_phase_label();

    @Message
    String template_phase_hint();

    @Message
    String template_window();

    @Message
    String template_window_hint();

    @Message
    String template_applies_when();

    @Message
    String template_applies_when_hint();

    @Message
    String template_runs_on_label();

    /** "any service", "yes" or "no". */
    @Message
    String template_trait_choice(String choice);

    /** "only when it runs in containers or on Kubernetes" */
    @Message
    String template_applies_badge(String condition);

    @Message
    String template_lint_title(long count);

    @Message
    String template_lint_intro();

    /** How pages name a lint rule. */
    @Message
    String template_lint_rule(String rule);

    @Message
    String template_lint_accepted(long count);

    @Message
    String template_lint_because(String why);

    @Message
    String template_sign_off_group();

    @Message
    String template_sign_off_group_hint();
}
