package dev.preflight.launch;

import java.util.Arrays;
import java.util.Locale;

import io.quarkus.qute.TemplateEnum;

import dev.preflight.template.Severity;
import dev.preflight.template.SignOff;

/** Which items the launch page shows; {@code all} shows everything. */
@TemplateEnum
public enum ItemFilter {
    ALL,
    OPEN,
    BLOCKERS,
    SIGN_OFF,
    STALE,
    OVERDUE,
    WAIVED,
    BLOCKED,
    MINE;

    /** As the page's address names it: {@code sign-off}, {@code open}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return key();
    }

    /** The filter an address names; all items for a missing or unknown one. */
    public static ItemFilter of(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst().orElse(ALL);
    }

    /** Whether the item passes, {@code username} being the person looking. */
    public boolean shows(LaunchViews.Item item, String username) {
        return switch (this) {
            case ALL -> true;
            case OPEN -> !item.resolved();
            case BLOCKERS -> !item.resolved() && item.severity() == Severity.BLOCKER;
            case SIGN_OFF -> item.role() == SignOff.APPROVER && !item.resolved();
            case STALE -> item.condition() == ItemCondition.STALE;
            case OVERDUE -> item.overdue();
            case WAIVED -> item.condition() == ItemCondition.WAIVED;
            case BLOCKED -> item.condition() == ItemCondition.BLOCKED;
            case MINE -> username.equals(item.assignee());
        };
    }
}
