package dev.preflight.runbook;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A save of a runbook: its whole Markdown, a note on what changed, and optionally the day it was
 * last exercised (left out, it stays as it is).
 */
public record RunbookInput(
        @NotNull(message = "is required: the runbook's Markdown") @Size(max = 200_000, message = "must be at most 200,000 characters") String content,
        @Size(max = 500, message = "must be at most 500 characters") String note,
        LocalDate lastExercised) {
}
