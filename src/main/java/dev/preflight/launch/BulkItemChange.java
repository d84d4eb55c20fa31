package dev.preflight.launch;

import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Changes to many items at once, by item key (a CI job posting its results). Each change reads as
 * a PATCH. All are applied, or none when any one is refused.
 */
public record BulkItemChange(
        @NotEmpty(message = "is required: an object of item keys to changes") @Size(max = 1000, message = "must hold at most 1,000 items") Map<String, ItemChange> items) {
}
