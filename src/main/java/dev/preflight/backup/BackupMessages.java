package dev.preflight.backup;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the backup page, used in templates as {@code {backupmsg:key}}. The English text lives in
 * {@code messages/backupmsg.properties}; a translation is a {@code backupmsg_<language>.properties} beside it.
 */
@MessageBundle("backupmsg")
public interface BackupMessages {

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
