package dev.preflight.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.preflight.platform.api.Versioned;

/** What the API and the pages show of a service's recovery objectives and drills. */
public final class RecoveryViews {

    private RecoveryViews() {
    }

    /** One target with its durations in human form and in minutes, and what is wrong with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String dataStore, String rto, int rtoMinutes, String rpo, int rpoMinutes, String backupEvery,
            Integer backupIntervalMinutes, Integer retentionDays, boolean pointInTime, boolean separateLocation,
            List<Consistency.Finding> findings) {

        static Target of(RecoveryTarget t, List<Consistency.Finding> findings) {
            return new Target(t.dataStore(), Durations.shown(t.rtoMinutes()), t.rtoMinutes(),
                    Durations.shown(t.rpoMinutes()), t.rpoMinutes(), Durations.shown(t.backupIntervalMinutes()),
                    t.backupIntervalMinutes(), t.retentionDays(), t.pointInTime(), t.separateLocation(), findings);
        }
    }

    /** The default objectives of the service's tier, for a service without targets. */
    public record Defaults(int tier, String rto, String rpo, int restoreTestEveryDays) {
    }

    /**
     * A service's targets (ETag = {@code version}; 0 and no targets when none were ever set), the
     * tier's defaults, and the state of its restore tests: the last that passed, the latest if it
     * failed ({@code failedRestoreTest}), and whether a passing one is overdue.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(String service, List<Target> targets, boolean consistent, Defaults defaults,
            LocalDate lastRestoreTest, LocalDate failedRestoreTest, boolean restoreTestOverdue, String updatedBy, Instant updatedAt, long version) implements Versioned {
    }

    /** One drill and how it measured up against the targets in force when it was recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Drill(long id, DrillKind kind, String dataStore, LocalDate performedOn, String recoveryTime,
            Integer recoveryMinutes, String dataLoss, Integer dataLossMinutes, DrillOutcome outcome, String notes,
            String evidenceLink, String recordedBy, String targetRto, String targetRpo, Boolean rtoMet, Boolean rpoMet,
            boolean passed, Instant recordedAt) {

        static Drill of(RecoveryDrill d) {
            Boolean rtoMet = d.recoveryMinutes == null || d.targetRtoMinutes == null ? null
                    : d.recoveryMinutes <= d.targetRtoMinutes;
            Boolean rpoMet = d.dataLossMinutes == null || d.targetRpoMinutes == null ? null
                    : d.dataLossMinutes <= d.targetRpoMinutes;
            boolean passed = d.outcome == DrillOutcome.SUCCESS && !Boolean.FALSE.equals(rtoMet)
                    && !Boolean.FALSE.equals(rpoMet);
            return new Drill(d.id, d.kind, d.dataStore, d.performedOn, Durations.shown(d.recoveryMinutes),
                    d.recoveryMinutes, Durations.shown(d.dataLossMinutes), d.dataLossMinutes, d.outcome, d.notes,
                    d.evidenceLink, d.recordedBy, Durations.shown(d.targetRtoMinutes),
                    Durations.shown(d.targetRpoMinutes), rtoMet, rpoMet, passed, d.createdAt);
        }
    }
}
