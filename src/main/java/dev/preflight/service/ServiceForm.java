package dev.preflight.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jboss.resteasy.reactive.RestForm;

import dev.preflight.platform.text.Keyed;
import dev.preflight.platform.text.Text;

/**
 * A service form as typed, kept as text so that invalid input can be shown back to the person
 * who typed it.
 */
public class ServiceForm {

    @RestForm
    public String slug;
    @RestForm
    public String name;
    @RestForm
    public String description;
    @RestForm
    public String team;
    @RestForm
    public String tier;
    @RestForm
    public String lifecycle;
    @RestForm
    public String repositoryUrl;
    @RestForm
    public String dashboardUrl;
    @RestForm
    public String healthUrl;
    @RestForm
    public String onCall;
    @RestForm
    public String baseUrl;
    @RestForm
    public String readinessUrl;
    @RestForm
    public String metricsUrl;
    @RestForm
    public String prometheusUrl;
    @RestForm
    public String runsOn;
    @RestForm
    public String storesData;
    @RestForm
    public String publicFacing;
    @RestForm
    public String personalData;
    @RestForm
    public Long version;

    static ServiceForm blank(String team) {
        ServiceForm form = new ServiceForm();
        form.team = team;
        form.tier = "2";
        form.lifecycle = Lifecycle.PLANNED.key();
        return form;
    }

    static ServiceForm of(ServiceView s) {
        ServiceForm form = new ServiceForm();
        form.slug = s.slug();
        form.name = s.name();
        form.description = s.description();
        form.team = s.team();
        form.tier = String.valueOf(s.tier());
        form.lifecycle = s.lifecycle().key();
        form.repositoryUrl = s.repositoryUrl();
        form.dashboardUrl = s.dashboardUrl();
        form.healthUrl = s.healthUrl();
        form.onCall = s.onCall();
        form.baseUrl = s.baseUrl();
        form.readinessUrl = s.readinessUrl();
        form.metricsUrl = s.metricsUrl();
        form.prometheusUrl = s.prometheusUrl();
        form.runsOn = s.runsOn() == null ? "" : s.runsOn().key();
        form.storesData = s.trait("storesData");
        form.publicFacing = s.trait("publicFacing");
        form.personalData = s.trait("personalData");
        form.version = s.version();
        return form;
    }

    /** The tier as a number, or null when the form holds none or something else. */
    public Integer tierNumber() {
        try {
            return tier == null || tier.isBlank() ? null : Integer.valueOf(tier.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    ServiceInput toInput() {
        return new ServiceInput(Text.blankToNull(slug), name, description, team, tierNumber(),
                lifecycle == null ? null : Keyed.byKey(Lifecycle.class, lifecycle).orElse(null), repositoryUrl, dashboardUrl,
                healthUrl, onCall, baseUrl, readinessUrl, metricsUrl, prometheusUrl, runsOn == null ? null : Keyed.byKey(RunsOn.class, runsOn).orElse(null),
                yesNo(storesData), yesNo(publicFacing), yesNo(personalData), version);
    }

    private static Boolean yesNo(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    /** What the form holds for one yes/no trait, by its field name. */
    public String trait(String field) {
        String value = switch (field) {
            case "storesData" -> storesData;
            case "publicFacing" -> publicFacing;
            case "personalData" -> personalData;
            default -> throw new IllegalArgumentException(field);
        };
        return value == null ? "" : value;
    }

    /** The stored values that differ from this form's, by field name: what someone else saved meanwhile. */
    Map<String, String> differencesFrom(ServiceView stored) {
        ServiceForm current = of(stored);
        Map<String, String> differences = new LinkedHashMap<>();
        compare(differences, "name", name, current.name);
        compare(differences, "description", description, current.description);
        compare(differences, "team", team, current.team);
        compare(differences, "tier", tier, current.tier);
        compare(differences, "lifecycle", lifecycle, current.lifecycle);
        compare(differences, "repositoryUrl", repositoryUrl, current.repositoryUrl);
        compare(differences, "dashboardUrl", dashboardUrl, current.dashboardUrl);
        compare(differences, "healthUrl", healthUrl, current.healthUrl);
        compare(differences, "onCall", onCall, current.onCall);
        compare(differences, "baseUrl", baseUrl, current.baseUrl);
        compare(differences, "readinessUrl", readinessUrl, current.readinessUrl);
        compare(differences, "metricsUrl", metricsUrl, current.metricsUrl);
        compare(differences, "prometheusUrl", prometheusUrl, current.prometheusUrl);
        compare(differences, "runsOn", runsOn, current.runsOn);
        compare(differences, "storesData", storesData, current.storesData);
        compare(differences, "publicFacing", publicFacing, current.publicFacing);
        compare(differences, "personalData", personalData, current.personalData);
        return differences;
    }

    private static void compare(Map<String, String> differences, String field, String mine, String stored) {
        if (!Objects.equals(normalise(mine), normalise(stored))) {
            differences.put(field, stored == null || stored.isBlank() ? "(empty)" : stored);
        }
    }

    private static String normalise(String value) {
        return value == null ? "" : value.trim();
    }
}
