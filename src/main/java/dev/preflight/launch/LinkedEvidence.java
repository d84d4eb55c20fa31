package dev.preflight.launch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
        RecoveryViews.Plan[] plan = new RecoveryViews.Plan[1];
        attach(service, items, () -> {
            if (plan[0] == null) {
                plan[0] = recovery.plan(service);
            }
            return plan[0];
        }, () -> runbooks.get(service));
    }

    /**
     * The same for the items of many launches at once (counting the board): their services' data
     * read in four queries whatever the number of launches.
     */
    public void attachAll(Map<Launch, List<LaunchItem>> itemsOf) {
        List<Service> services = itemsOf.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(i -> i.satisfiedBy != null))
                .map(e -> e.getKey().service).toList();
        if (services.isEmpty()) {
            return;
        }
        Map<Long, RecoveryViews.Plan> plans = recovery.plans(services);
        Map<Long, RunbookViews.Runbook> books = runbooks.of(services);
        itemsOf.forEach((launch, items) -> attach(launch.service, items, () -> plans.get(launch.service.id),
                () -> books.get(launch.service.id)));
    }

    private static void attach(Service service, Collection<LaunchItem> items, Supplier<RecoveryViews.Plan> plan,
            Supplier<RunbookViews.Runbook> runbook) {
        Map<SatisfiedBy, State> states = new EnumMap<>(SatisfiedBy.class);
        for (LaunchItem item : items) {
            if (item.satisfiedBy != null) {
                item.linked = states.computeIfAbsent(item.satisfiedBy, kind -> switch (kind) {
                    case RECOVERY_TARGETS -> targets(service.slug, plan.get());
                    case RESTORE_TEST -> restoreTest(service.slug, plan.get());
                    case RUNBOOK -> runbook(service.slug, runbook.get());
                });
            }
        }
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
