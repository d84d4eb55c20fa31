package dev.preflight.recovery;

import java.time.LocalDate;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The text of the recovery pages, used in templates as {@code {recoverymsg:key}}; English in {@code messages/recoverymsg.properties}. */
@MessageBundle("recoverymsg")
public interface RecoveryMessages {

    @Message
    String title();

    @Message
    String intro(String name);

    @Message
    String targets();

    @Message
    String no_targets(int tier, String rto, String rpo);

    @Message
    String consistent();

    @Message
    String inconsistent();

    @Message
    String data_store();

    @Message
    String data_store_placeholder();

    @Message
    String whole_service();

    @Message
    String backups();

    @Message
    String every(String duration);

    @Message
    String none();

    @Message
    String pitr();

    @Message
    String separate();

    @Message
    String retention();

    @Message
    String days(int count);

    @Message
    String findings();

    @Message
    String ok();

    @Message
    String last_restore(LocalDate date);

    @Message
    String never_restored();

    @Message
    String restore_overdue(int days);

    @Message
    String edit_targets();

    @Message
    String targets_hint();

    @Message
    String new_target();

    @Message
    String backup_every();

    @Message
    String retention_days();

    @Message
    String remove();

    @Message
    String save_targets();

    @Message
    String targets_saved();

    @Message
    String drills();

    @Message
    String no_drills();

    @Message
    String performed_on();

    @Message
    String kind();

    @Message
    String kind_label(String kind);

    @Message
    String recovery_time();

    @Message
    String data_loss();

    @Message
    String outcome();

    @Message
    String judgement();

    @Message
    String evidence();

    @Message
    String passed();

    @Message
    String failed();

    @Message
    String rto_missed();

    @Message
    String rpo_missed();

    @Message
    String record_drill();

    @Message
    String drill_recorded();

    @Message
    String drill_store_hint();

    @Message
    String duration_hint();

    @Message
    String notes();
}
