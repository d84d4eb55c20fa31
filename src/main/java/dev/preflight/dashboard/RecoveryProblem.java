package dev.preflight.dashboard;

import java.util.Arrays;
import java.util.Optional;

import io.quarkus.qute.i18n.MessageBundles;

/** What can be wrong with a service's recovery set-up, as the board's recovery posture counts it. */
public enum RecoveryProblem {
    NO_TARGETS("no-targets", "NOT p.has_targets"),
    INCONSISTENT_TARGETS("inconsistent-targets",
            "p.has_targets AND NOT p.targets_consistent"),
    DRILLS("drills", "p.restore_test_overdue OR p.latest_drill_failed"),
    RUNBOOK_INCOMPLETE("runbook-incomplete", "NOT p.runbook_complete"),
    RUNBOOK_NOT_EXERCISED("runbook-not-exercised", "p.runbook_not_exercised"),
    DUTIES_DUE("duties-due", "p.duties_due");

    private final String key;
    private final String condition;

    RecoveryProblem(String key, String condition) {
        this.key = key;
        this.condition = condition;
    }

    public String key() {
        return key;
    }

    public String label() {
        return MessageBundles.get(BoardMessages.class).recovery_problem_label(key);
    }

    /** The SQL condition on {@code service_posture p} that finds the services with this problem. */
    String condition() {
        return condition;
    }

    public static Optional<RecoveryProblem> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
