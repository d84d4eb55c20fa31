package dev.preflight.recovery;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.preflight.platform.web.WebLink;

/**
 * A drill as a person or a backup job reports it.
 *
 * @param kind         restore_test, failover or dr_exercise
 * @param dataStore    which data store was recovered; empty for the whole service
 * @param performedOn  the day it ran (not in the future)
 * @param recoveryTime how long recovery took, such as "45 min"
 * @param dataLoss     how much data, in time, was lost, such as "5 min"
 * @param outcome      success, partial or failed
 * @param notes        what happened, what to improve
 * @param evidenceLink a report, a job run or a ticket
 */
public record DrillInput(
        @NotNull(message = "is required: restore_test, failover or dr_exercise") DrillKind kind,
        @Size(max = 100, message = "must be at most 100 characters") String dataStore,
        @NotNull(message = "is required: the day it ran, YYYY-MM-DD") LocalDate performedOn,
        @Size(max = 40, message = "must be a duration such as \"45 min\"") String recoveryTime,
        @Size(max = 40, message = "must be a duration such as \"5 min\"") String dataLoss,
        @NotNull(message = "is required: success, partial or failed") DrillOutcome outcome,
        @Size(max = 10_000, message = "must be at most 10,000 characters") String notes,
        @WebLink String evidenceLink) {
}
