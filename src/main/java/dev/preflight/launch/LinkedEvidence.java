package dev.preflight.launch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.recovery.RecoveryBook;
import dev.preflight.recovery.RecoveryViews;
import dev.preflight.runbook.RunbookViews;
import dev.preflight.runbook.Runbooks;
import dev.preflight.service.Service;
import dev.preflight.template.SatisfiedBy;

/**
 * The live state of the recovery data that satisfies launch items: the service's recovery targets
 * (set and consistent), its restore tests (a success within the cadence) and its runbook (saved and
 * complete). Attached to the items of a launch whenever they are read, so their condition always
 * follows the data: an item reopens when a restore test goes stale or a target stops being met.
 */
@ApplicationScoped
public class LinkedEvidence {

    /**
     * @param met    whether the data satisfies the item now
     * @param lapsed whether it did once and no longer does (the restore test is too old)
     * @param why    what the data says, in words
     * @param link   the page that shows the data
     * @param changesAt when time alone ends {@code met} (a restore test growing too old), or null
     */
    public record State(boolean met, boolean lapsed, String why, String link, Instant changesAt) {

        State(boolean met, boolean lapsed, String why, String link) {
            this(met, lapsed, why, link, null);
        }
    }

    private final RecoveryBook recovery;
    private final Runbooks runbooks;

    public LinkedEvidence(RecoveryBook recovery, Runbooks runbooks) {
        this.recovery = recovery;
        this.runbooks = runbooks;
    }

    /**
     * Attaches the service's live state to each of the items that follow recovery data; the data is
     * read once per call, and only what the items need.
     */
    public void attach(Service service, Collection<LaunchItem> items) {
        Map<SatisfiedBy, State> states = new EnumMap<>(SatisfiedBy.class);
        RecoveryViews.Plan[] plan = new RecoveryViews.Plan[1];
        for (LaunchItem item : items) {
            if (item.satisfiedBy != null) {
                item.linked = states.computeIfAbsent(item.satisfiedBy, kind -> switch (kind) {
                    case RECOVERY_TARGETS -> targets(service.slug, plan(plan, service));
                    case RESTORE_TEST -> restoreTest(service.slug, plan(plan, service));
                    case RUNBOOK -> runbook(service.slug, runbooks.get(service));
                });
            }
        }
    }

    private RecoveryViews.Plan plan(RecoveryViews.Plan[] read, Service service) {
        if (read[0] == null) {
            read[0] = recovery.plan(service);
        }
        return read[0];
    }

    private static State targets(String slug, RecoveryViews.Plan plan) {
        String link = "/services/" + slug + "/recovery";
        if (plan.targets().isEmpty()) {
            return new State(false, false, "no recovery targets are set", link);
        }
        return plan.targets().stream().flatMap(t -> t.findings().stream()).findFirst()
                .map(f -> new State(false, false, "a target cannot be met: " + f.message(), link))
                .orElseGet(() -> new State(true, false, plan.targets().size() + " recovery targets set, all consistent",
                        link));
    }

    private static State restoreTest(String slug, RecoveryViews.Plan plan) {
        String link = "/services/" + slug + "/recovery#drills";
        if (plan.failedRestoreTest() != null) {
            return new State(false, true, "the latest restore test (" + plan.failedRestoreTest()
                    + ") did not pass", link);
        }
        if (plan.lastRestoreTest() == null) {
            return new State(false, false, "no successful restore test is recorded", link);
        }
        if (plan.restoreTestOverdue()) {
            return new State(false, true, "the last successful restore test (" + plan.lastRestoreTest()
                    + ") is older than " + plan.defaults().restoreTestEveryDays() + " days", link);
        }
        Instant tooOld = plan.lastRestoreTest().plusDays(plan.defaults().restoreTestEveryDays() + 1L)
                .atStartOfDay(ZoneId.systemDefault()).toInstant();
        return new State(true, false, "restore tested successfully on " + plan.lastRestoreTest(), link, tooOld);
    }

    private static State runbook(String slug, RunbookViews.Runbook runbook) {
        String link = "/services/" + slug + "/runbook";
        if (!runbook.saved()) {
            return new State(false, false, "no runbook is written", link);
        }
        if (!runbook.complete()) {
            return new State(false, false, "the runbook lacks " + String.join(", ", runbook.missingSections()), link);
        }
        return new State(true, false, "the runbook is complete (revision " + runbook.revision() + ")", link);
    }
}
