package dev.preflight.identity;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new API token: a name to recognise it by, its scopes ({@code read}, or {@code read} and
 * {@code write}; read only when left out) and an optional last day of validity.
 */
public record TokenInput(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
        List<String> scopes,
        LocalDate expiresOn) {
}
