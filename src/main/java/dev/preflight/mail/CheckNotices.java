package dev.preflight.mail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.preflight.launch.ItemChecks;
import dev.preflight.platform.db.Sql;

/**
 * When an item's check reopens it, whoever the item is assigned to (or, with nobody assigned, who
 * opened the launch) hears of it by mail, with the failing result, once it is committed.
 */
@ApplicationScoped
class CheckNotices {

    private final Mailbox mailbox;
    private final Sql sql;

    CheckNotices(Mailbox mailbox, Sql sql) {
        this.mailbox = mailbox;
        this.sql = sql;
    }

    void reopened(@Observes(during = TransactionPhase.AFTER_SUCCESS) ItemChecks.Reopened item) {
        if (!mailbox.enabled()) {
            return;
        }
        List<String> to = sql.read(c -> Sql.list(c, """
                SELECT email FROM app_user WHERE enabled AND email IS NOT NULL AND username = ?""",
                r -> r.getString(1), item.assignee() != null ? item.assignee() : item.openedBy()));
        String path = "/launches/" + item.launchId() + "/items/" + item.itemKey() + "#check";
        mailbox.send(to, "Reopened by its check: " + item.itemTitle() + " (" + item.serviceName() + ")",
                "The check of \"" + item.itemTitle() + "\" in " + item.launchName() + " (" + item.serviceName()
                        + ") failed, so the item is open again.\n\n" + item.summary() + "\n\n" + mailbox.link(path) + "\n");
    }
}
