package dev.preflight.audit.trail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the audit log pages, used in templates as {@code {auditmsg:key}}. The English text lives in
 * {@code messages/auditmsg.properties}; a translation is a {@code auditmsg_<language>.properties} beside it.
 */
@MessageBundle("auditmsg")
public interface AuditMessages {

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
}
