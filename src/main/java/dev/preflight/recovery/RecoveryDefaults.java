package dev.preflight.recovery;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.preflight.platform.PreflightConfig;

/**
 * The targets a service of each tier starts from, and how often a restore must be tested. The
 * middle tier's 4 h / 1 h and the monthly restore test are the documents' typical example; see
 * {@code preflight.recovery.*} in the configuration.
 */
@Startup
@ApplicationScoped
public class RecoveryDefaults {

    /** The default objectives of a tier, as minutes. */
    public record Objectives(int rtoMinutes, int rpoMinutes) {
    }

    private final Objectives[] byTier;
    private final int restoreTestEveryDays;
    private final int runbookExerciseEveryDays;

    public RecoveryDefaults(PreflightConfig config) {
        PreflightConfig.Recovery recovery = config.recovery();
        byTier = new Objectives[] { objectives("tier-1", recovery.tier1()), objectives("tier-2", recovery.tier2()),
                objectives("tier-3", recovery.tier3()) };
        this.restoreTestEveryDays = days("restore-test-every-days", recovery.restoreTestEveryDays());
        this.runbookExerciseEveryDays = days("runbook-exercise-every-days", recovery.runbookExerciseEveryDays());
    }

    private static int days(String setting, int days) {
        if (days < 1 || days > 3660) {
            throw new IllegalStateException("preflight.recovery." + setting + " must be 1 to 3660 days, not " + days);
        }
        return days;
    }

    public Objectives of(int tier) {
        return byTier[tier - 1];
    }

    /** A service whose last successful restore test is older than this is overdue. */
    public int restoreTestEveryDays() {
        return restoreTestEveryDays;
    }

    /** A runbook last exercised longer ago than this counts as not exercised. */
    public int runbookExerciseEveryDays() {
        return runbookExerciseEveryDays;
    }

    private static Objectives objectives(String tier, PreflightConfig.Objectives configured) {
        String rto = configured.rto();
        String rpo = configured.rpo();
        Integer rtoMinutes = Durations.minutes(rto);
        Integer rpoMinutes = Durations.minutes(rpo);
        if (rtoMinutes == null || rpoMinutes == null || rtoMinutes < 1 || rtoMinutes > Durations.MAX_MINUTES
                || rpoMinutes > Durations.MAX_MINUTES) {
            throw new IllegalStateException("preflight.recovery." + tier + ".rto and .rpo must be durations up to 365 d "
                    + "such as \"4 h\" or \"15 min\" (an RTO of at least 1 min), not '" + rto + "' and '" + rpo + "'");
        }
        return new Objectives(rtoMinutes, rpoMinutes);
    }
}
