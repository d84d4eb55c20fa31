package dev.preflight.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the service catalog pages, used in templates as {@code {servicemsg:key}}. The English text lives in
 * {@code messages/servicemsg.properties}; a translation is a {@code servicemsg_<language>.properties} beside it.
 */
@MessageBundle("servicemsg")
public interface ServiceMessages {

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

    /** How pages name the way a service runs: "Kubernetes", "serverless functions". */
    @Message
    String runs_on_label(String key);

    /** The same as an adverbial: "runs as serverless functions". */
    @Message
    String runs_on_manner(String key);

    /** How forms and pages name a yes/no trait: "stores data". */
    @Message
    String trait_label(String trait);

    /** "not known", "yes" or "no". */
    @Message
    String trait_choice(String choice);

    @Message
    String service_traits();

    @Message
    String service_traits_hint();

    @Message
    String service_runs_on();

    @Message
    String service_runs_on_unknown();

    @Message
    String service_duties();

    @Message
    String service_checks();

    @Message
    String service_checks_open();

    @Message
    String service_checks_none();

    @Message
    String service_duties_intro();

    @Message
    String service_duty_every(int days);

    @Message
    String service_duty_due();

    @Message
    String field_base_url();

    @Message
    String field_base_url_hint();

    @Message
    String field_readiness_url();

    @Message
    String field_metrics_url();

    @Message
    String field_prometheus_url();

    @Message
    String field_prometheus_url_hint();
}
