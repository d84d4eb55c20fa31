package dev.preflight.service;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.common.ProjectedFieldName;

import dev.preflight.platform.api.Versioned;

/** A service as the API and the pages show it. */
public record ServiceView(
        String slug,
        String name,
        String description,
        @ProjectedFieldName("team.slug") String team,
        @ProjectedFieldName("team.name") String teamName,
        int tier,
        Lifecycle lifecycle,
        String repositoryUrl,
        String dashboardUrl,
        String healthUrl,
        String onCall,
        String baseUrl,
        String readinessUrl,
        String metricsUrl,
        String prometheusUrl,
        RunsOn runsOn,
        Boolean storesData,
        Boolean publicFacing,
        Boolean personalData,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Versioned {

    /** A yes/no trait as forms write it: "" (not known), "yes" or "no". */
    public String trait(String field) {
        Boolean value = switch (field) {
            case "storesData" -> storesData;
            case "publicFacing" -> publicFacing;
            case "personalData" -> personalData;
            default -> throw new IllegalArgumentException(field);
        };
        return value == null ? "" : value ? "yes" : "no";
    }

    public ServiceTraits traits() {
        return new ServiceTraits(runsOn, storesData, publicFacing, personalData);
    }

    static ServiceView of(Service s) {
        return new ServiceView(s.slug, s.name, s.description, s.team.slug, s.team.name, s.tier, s.lifecycle,
                s.repositoryUrl, s.dashboardUrl, s.healthUrl, s.onCall, s.baseUrl, s.readinessUrl,
                s.metricsUrl, s.prometheusUrl, s.runsOn, s.storesData, s.publicFacing,
                s.personalData, s.version, s.createdAt, s.updatedAt);
    }
}
