package dev.preflight.service;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.preflight.platform.db.BaseEntity;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.team.Team;

/** A service in the catalog: what gets launched, owned by one team. */
@Entity
@Table(name = "service")
public class Service extends BaseEntity {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description = "";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", nullable = false)
    public Team team;

    /** 1 is the most critical, 3 the least. */
    @Column(nullable = false)
    public int tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Lifecycle lifecycle = Lifecycle.PLANNED;

    @Column(name = "repository_url")
    public String repositoryUrl;

    @Column(name = "dashboard_url")
    public String dashboardUrl;

    @Column(name = "health_url")
    public String healthUrl;

    @Column(name = "on_call")
    public String onCall;

    /** Where the service answers in production. */
    @Column(name = "base_url")
    public String baseUrl;

    @Column(name = "readiness_url")
    public String readinessUrl;

    @Column(name = "metrics_url")
    public String metricsUrl;

    /** The Prometheus server that scrapes the service and holds its alert rules. */
    @Column(name = "prometheus_url")
    public String prometheusUrl;

    /** How the service runs; null when not known. */
    @Enumerated(EnumType.STRING)
    @Column(name = "runs_on")
    public RunsOn runsOn;

    @Column(name = "stores_data")
    public Boolean storesData;

    @Column(name = "public_facing")
    public Boolean publicFacing;

    @Column(name = "personal_data")
    public Boolean personalData;

    public static Optional<Service> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** What a form or the API is told of a slug no service has. */
    public static String missing(String slug) {
        return "there is no service '" + slug + "'";
    }

    /** The 404 for a slug no service has. */
    public static ProblemException notFound(String slug) {
        return ProblemException.notFound("There is no service '" + slug + "'.");
    }
}
