package dev.preflight.dashboard;

import java.util.Arrays;
import java.util.Optional;

/** What can be wrong with a service's recovery set-up, as the board's recovery posture counts it. */
public enum RecoveryProblem {
    NO_TARGETS("no-targets", "no recovery targets", "NOT p.has_targets"),
    INCONSISTENT_TARGETS("inconsistent-targets", "targets the backups cannot meet",
            "p.has_targets AND NOT p.targets_consistent"),
    DRILLS("drills", "restore test overdue or latest drill failed", "p.restore_test_overdue OR p.latest_drill_failed"),
    RUNBOOK_INCOMPLETE("runbook-incomplete", "runbook missing or incomplete", "NOT p.runbook_complete"),
    RUNBOOK_NOT_EXERCISED("runbook-not-exercised", "runbook not exercised lately", "p.runbook_not_exercised");

    private final String key;
    private final String label;
    private final String condition;

    RecoveryProblem(String key, String label, String condition) {
        this.key = key;
        this.label = label;
        this.condition = condition;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The SQL condition on {@code service_posture p} that finds the services with this problem. */
    String condition() {
        return condition;
    }

    public static Optional<RecoveryProblem> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
