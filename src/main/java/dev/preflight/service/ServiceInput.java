package dev.preflight.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.web.WebLink;

/**
 * What a client sends to create or replace a service. Optional fields left out take their
 * defaults (no description, lifecycle {@code planned}, no links, traits not known). The slug is derived from the name
 * when left out and cannot change afterwards. The read-only fields of {@link ServiceView} are
 * accepted and ignored, so a fetched service can be edited and sent back; {@code version}, when
 * given, must match the stored one.
 */
@JsonIgnoreProperties({ "teamName", "createdAt", "updatedAt" })
public record ServiceInput(
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens, at most 64 characters") String slug,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 10_000, message = "must be at most 10,000 characters") String description,
        @NotBlank(message = "is required: the slug of the owning team") String team,
        @NotNull(message = "is required: 1 (most critical), 2 or 3") @Min(value = 1, message = "must be 1, 2 or 3") @Max(value = 3, message = "must be 1, 2 or 3") Integer tier,
        Lifecycle lifecycle,
        @WebLink String repositoryUrl,
        @WebLink String dashboardUrl,
        @WebLink String healthUrl,
        @Size(max = 200, message = "must be at most 200 characters") String onCall,
        @WebLink String baseUrl,
        @WebLink String readinessUrl,
        @WebLink String metricsUrl,
        @WebLink String prometheusUrl,
        RunsOn runsOn,
        Boolean storesData,
        Boolean publicFacing,
        Boolean personalData,
        Long version) {
}
