package dev.preflight.mail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.preflight.launch.LaunchDecided;
import dev.preflight.launch.LaunchState;
import dev.preflight.platform.db.Sql;

/** When go or no-go is recorded, the launch's team and whoever opened it hear of it by mail, once it is committed. */
@ApplicationScoped
class DecisionNotices {

    private final Mailbox mailbox;
    private final Sql sql;

    DecisionNotices(Mailbox mailbox, Sql sql) {
        this.mailbox = mailbox;
        this.sql = sql;
    }

    void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) LaunchDecided decision) {
        if (!mailbox.enabled()) {
            return;
        }
        List<String> to = sql.read(c -> Sql.list(c, """
                SELECT DISTINCT u.email FROM app_user u
                WHERE u.enabled AND u.email IS NOT NULL AND (u.username = ?
                    OR u.id IN (SELECT m.user_id FROM team_member m WHERE m.team_id = ?))
                ORDER BY u.email""", r -> r.getString(1), decision.createdBy(), decision.teamId()));
        String verdict = decision.decision() == LaunchState.GO ? "Go" : "No-go";
        StringBuilder text = new StringBuilder().append(verdict).append(" for ").append(decision.launchName())
                .append(" (").append(decision.serviceName()).append("), decided by ").append(decision.decidedBy())
                .append(".\n\n").append(decision.rationale()).append("\n");
        if (decision.conditions() != null) {
            text.append("\nConditions: ").append(decision.conditions()).append("\n");
        }
        text.append("\n").append(mailbox.link("/launches/" + decision.launchId())).append("\n");
        mailbox.send(to, verdict + ": " + decision.launchName() + " (" + decision.serviceName() + ")", text.toString());
    }
}
