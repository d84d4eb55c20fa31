package dev.preflight.service;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.text.Keyed;

/**
 * Which services to list: by owning team (slug), tier, lifecycle and a free-text search over name,
 * slug and description. Every criterion is optional.
 */
public record ServiceFilter(String team, Integer tier, Lifecycle lifecycle, String q) {

    public static final ServiceFilter ALL = new ServiceFilter(null, null, null, null);

    /** Reads the criteria from query parameters, refusing values that cannot match anything. */
    public static ServiceFilter parse(String team, String tier, String lifecycle, String q) {
        InputValidator.Errors errors = new InputValidator.Errors();
        Integer tierValue = null;
        if (present(tier)) {
            try {
                tierValue = Integer.valueOf(tier.trim());
            } catch (NumberFormatException e) {
                tierValue = 0;
            }
            if (tierValue < 1 || tierValue > 3) {
                errors.add("tier", "must be 1, 2 or 3");
            }
        }
        Lifecycle lifecycleValue = null;
        if (present(lifecycle)) {
            lifecycleValue = Keyed.byKey(Lifecycle.class, lifecycle.trim()).orElse(null);
            if (lifecycleValue == null) {
                errors.add("lifecycle", "must be one of: "
                        + Arrays.stream(Lifecycle.values()).map(Lifecycle::key).collect(Collectors.joining(", ")));
            }
        }
        if (present(q) && q.length() > 200) {
            errors.add("q", "must be at most 200 characters");
        }
        errors.throwIfAny();
        return new ServiceFilter(present(team) ? team.trim() : null, tierValue, lifecycleValue,
                present(q) ? q.trim() : null);
    }

    public boolean isEmpty() {
        return team == null && tier == null && lifecycle == null && q == null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
