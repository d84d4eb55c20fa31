package dev.preflight.recovery;

import java.time.LocalDate;

/** Fired when a drill is recorded, in the recording transaction: a drill exercises the service's runbook. */
public record DrillRecorded(long serviceId, LocalDate performedOn) {
}
