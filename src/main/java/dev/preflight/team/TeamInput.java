package dev.preflight.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.preflight.platform.api.Slugs;

/**
 * What a client sends to create or change a team. The slug is derived from the name when left out,
 * and cannot change afterwards. The read-only fields of {@link TeamView} are accepted and ignored,
 * so a fetched team can be sent back; {@code version}, when given, must match the stored one.
 */
@JsonIgnoreProperties({ "createdAt", "updatedAt" })
public record TeamInput(
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens, at most 64 characters") String slug,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        Long version) {
}
