package dev.preflight.launch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.CurrentCaller;
import dev.preflight.recovery.RecoveryDataChanged;

/**
 * A sign-off resets when its evidence changes: when a service's recovery data changes, the
 * approvers' sign-offs of the items that follow it, in launches still running, are withdrawn, each
 * with an event in the item's history and the audit log. The readiness the board shows of those
 * launches is then counted anew, as the items now follow the changed data.
 */
@ApplicationScoped
class LinkedSignOffs {

    private final CurrentCaller caller;
    private final AuditLog audit;
    private final LaunchSummaries summaries;

    LinkedSignOffs(CurrentCaller caller, AuditLog audit, LaunchSummaries summaries) {
        this.caller = caller;
        this.audit = audit;
        this.summaries = summaries;
    }

    void reset(@Observes RecoveryDataChanged change) {
        List<LaunchItem> signed = LaunchItem.list("launch.service.id = ?1 and satisfiedBy = ?2 and signedOffAt is not null "
                + "and removedAt is null and launch.state not in ?3", change.serviceId(), change.what(),
                LaunchState.REVIEW_OVER);
        Instant now = Instant.now();
        for (LaunchItem item : signed) {
            String by = item.signedOffBy;
            item.signedOffBy = null;
            item.signedOffAt = null;
            new HistoryEntry(item.launch, item, HistoryAction.SIGN_OFF_RESET)
                    .details(Map.of("reason", change.reason(), "signedOffBy", by)).append(caller.get(), now);
            audit.record("launch.item.sign_off_reset", "launch_item", item.launch.id + "/" + item.key,
                    Map.of("signedOffBy", by), Map.of("reason", change.reason()));
        }
        summaries.recoveryDataChanged(change.serviceId(), now);
    }
}
