package dev.preflight.launch;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.text.Keyed;

/**
 * Which launches to list: by service or owning team (slugs), state, and a window of target dates
 * (both ends included). Every criterion is optional.
 */
public record LaunchFilter(String service, String team, LaunchState state, LocalDate from, LocalDate to) {

    /** Reads the criteria from query parameters, refusing values that cannot match anything. */
    public static LaunchFilter parse(String service, String team, String state, String from, String to) {
        InputValidator.Errors errors = new InputValidator.Errors();
        LaunchState stateValue = null;
        if (present(state)) {
            stateValue = Keyed.byKey(LaunchState.class, state.trim()).orElse(null);
            if (stateValue == null) {
                errors.add("state", "must be one of: "
                        + Arrays.stream(LaunchState.values()).map(LaunchState::key).collect(Collectors.joining(", ")));
            }
        }
        LocalDate fromDate = errors.date("from", from);
        LocalDate toDate = errors.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", "must not be before from");
        }
        errors.throwIfAny();
        return new LaunchFilter(present(service) ? service.trim() : null, present(team) ? team.trim() : null,
                stateValue, fromDate, toDate);
    }


    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
