package dev.preflight.team;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text of the team pages, used in templates as {@code {teammsg:key}}. The English text lives in
 * {@code messages/teammsg.properties}; a translation is a {@code teammsg_<language>.properties} beside it.
 */
@MessageBundle("teammsg")
public interface TeamMessages {

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
}
