package dev.preflight.launch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.preflight.identity.Caller;
import dev.preflight.identity.CurrentCaller;
import dev.preflight.service.ServiceTraitsChanged;
import dev.preflight.template.TemplateContent;

/**
 * Follows a service's traits in its launches still before go: an open item whose condition no
 * longer holds is left out (not applicable, with the reason), and an item left out comes back open
 * when its condition holds again. Work already recorded on an item is never undone.
 */
@ApplicationScoped
class ItemConditions {

    /** The states in which a launch still follows its service's traits. */
    private static final List<LaunchState> BEFORE_GO = List.of(LaunchState.PREPARING, LaunchState.IN_REVIEW,
            LaunchState.NO_GO);

    private final CurrentCaller caller;
    private final LaunchSummaries summaries;

    ItemConditions(CurrentCaller caller, LaunchSummaries summaries) {
        this.caller = caller;
        this.summaries = summaries;
    }

    void traitsChanged(@Observes ServiceTraitsChanged change) {
        Instant now = Instant.now();
        Caller by = caller.get();
        List<Launch> launches = Launch.list("service.id = ?1 and state in ?2", change.serviceId(), BEFORE_GO);
        for (Launch launch : launches) {
            TemplateContent content = launch.templateVersion.content;
            boolean changed = false;
            for (LaunchItem item : LaunchItem.lockedOf(launch)) {
                Optional<TemplateContent.Item> source = content.item(item.key);
                Optional<String> because = source.flatMap(s -> LaunchWorkflow.leftOutBecause(s, change.traits()));
                boolean leaves = because.isPresent() && (item.status == ItemStatus.OPEN
                        || item.leftOut && !(LaunchItem.LEFT_OUT + because.get()).equals(item.reason));
                boolean returns = because.isEmpty() && item.leftOut;
                if (leaves || returns) {
                    ItemStatus from = item.status;
                    item.applyCondition(because);
                    new HistoryEntry(launch, item, HistoryAction.statusSet(item.status)).status(from, item.status)
                            .comment(leaves ? item.reason : "Applies again: the service's traits changed.")
                            .append(by, now);
                    changed = true;
                }
            }
            if (changed) {
                LaunchItem.flush();
                summaries.rebuild(launch, now);
            }
        }
    }
}
