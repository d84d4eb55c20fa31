package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;

/** The deploy gate that pipelines ask before they deploy, and that a launch must pass to become launched. */
@ApplicationScoped
public class DeployGate {

    private final LinkedEvidence linked;

    public DeployGate(LinkedEvidence linked) {
        this.linked = linked;
    }

    /**
     * The deploy gate: open when the launch has a go decision, no blocker is open, no sign-off is
     * missing and no required item resolved at the decision has reopened since (gone stale, lost its
     * waiver, been reopened or blocked). Otherwise refused with what blocks.
     */
    @Transactional
    public LaunchViews.GateOpen gate(long id) {
        return requireOpen(LaunchWorkflow.find(id, LockModeType.NONE));
    }

    /** The gate's answer for the launch, or the refusal (409 not-ready) naming what blocks. */
    LaunchViews.GateOpen requireOpen(Launch launch) {
        long id = launch.id;
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        List<LaunchItem> items = LaunchItem.of(launch);
        linked.attach(launch.service, items);
        Readiness readiness = Readiness.of(items, now, today);
        Map<String, Readiness.Concern> blockers = new LinkedHashMap<>();
        readiness.goBlockers().forEach(c -> blockers.put(c.key(), c));
        if (launch.decisionResolved != null) {
            Set<String> resolvedNow = Readiness.resolvedRequired(items, now, today);
            Map<String, LaunchItem> byKey = items.stream().collect(Collectors.toMap(i -> i.key, i -> i));
            for (String key : launch.decisionResolved) {
                LaunchItem item = byKey.get(key);
                if (item != null && !resolvedNow.contains(key)) {
                    ItemCondition condition = ItemCondition.of(item, now, today);
                    blockers.putIfAbsent(key, new Readiness.Concern(key, item.title, item.sectionTitle, condition,
                            "resolved at the go decision, " + condition.label() + " now", item.signOffGroup));
                }
            }
        }
        boolean go = launch.decision == LaunchState.GO
                && (launch.state == LaunchState.GO || launch.state == LaunchState.LAUNCHED || launch.state == LaunchState.CLOSED);
        if (!go || !blockers.isEmpty()) {
            String why = !go ? "Launch " + id + " has no go decision: it is " + launch.state.label() + "."
                    : "Launch " + id + " had a go, but " + blockers.size()
                            + (blockers.size() == 1 ? " required item is" : " required items are") + " no longer resolved.";
            throw new ProblemException(ProblemType.NOT_READY, why).with("state", launch.state)
                    .with("blockers", List.copyOf(blockers.values()));
        }
        return new LaunchViews.GateOpen(launch.id, launch.service.slug, launch.state, launch.decidedBy,
                launch.decidedAt, launch.decisionConditions, readiness.percent());
    }

}
