package dev.preflight.runbook;

import java.time.LocalDate;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The text of the runbook pages, used in templates as {@code {runbookmsg:key}}; English in {@code messages/runbookmsg.properties}. */
@MessageBundle("runbookmsg")
public interface RunbookMessages {

    @Message
    String title();

    @Message
    String saved();

    @Message
    String stale();

    @Message
    String revision_line(int number, String author);

    @Message
    String not_saved();

    @Message
    String last_exercised(LocalDate date);

    @Message
    String never_exercised();

    @Message
    String print();

    @Message
    String completeness();

    @Message
    String complete();

    @Message
    String incomplete(int count);

    @Message
    String content();

    @Message
    String edit();

    @Message
    String markdown();

    @Message
    String markdown_hint();

    @Message
    String note();

    @Message
    String note_hint();

    @Message
    String last_exercised_field();

    @Message
    String last_exercised_hint();

    @Message
    String save();

    @Message
    String revisions();

    @Message
    String no_revisions();

    @Message
    String revision(int number);

    @Message
    String compare_previous();

    @Message
    String diff_title(int from, int to);

    @Message
    String diff_summary(int added, int removed);

    @Message
    String diff_lines();

    /** "add a '### Owner' heading or an 'Owner:' line with text, under '## Service overview'" */
    @Message
    String add_it(String how);
}
