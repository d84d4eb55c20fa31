package dev.preflight.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The health check: {@code livenessUrl} and {@code readinessUrl} each answer 200 (at least one of
 * them is given). With {@code dependencyDown: {breakUrl, restoreUrl}}, a test hook of the service,
 * it also POSTs breakUrl, expects readiness to answer 503, POSTs restoreUrl (always, once breakUrl
 * was asked), and expects readiness to answer 200 again.
 */
final class HealthCheck implements CheckKind<HealthCheck.Plan> {

    private static final List<String> SETTINGS = List.of("livenessUrl", "readinessUrl", "dependencyDown");
    private static final List<String> HOOKS = List.of("breakUrl", "restoreUrl");
    private static final List<String> WEB = List.of("http", "https");
    private static final Statuses UP = Statuses.of(200);
    private static final Statuses DOWN = Statuses.of(503);

    /** The settings as a run uses them. */
    record Plan(String livenessUrl, String readinessUrl, String breakUrl, String restoreUrl) {
    }

    private final Outbound outbound;

    HealthCheck(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public String key() {
        return "health";
    }

    @Override
    public List<String> settings() {
        return SETTINGS;
    }

    @Override
    public Plan read(ConfigReader config) {
        String liveness = config.url("livenessUrl", false, WEB);
        String readiness = config.url("readinessUrl", false, WEB);
        if (!config.has("livenessUrl") && !config.has("readinessUrl")) {
            config.problem("readinessUrl", "is required, unless livenessUrl is given");
        }
        ConfigReader hooks = config.section("dependencyDown", "dependencyDown");
        String breakUrl = null;
        String restoreUrl = null;
        if (hooks != null) {
            hooks.only(HOOKS);
            breakUrl = hooks.url("breakUrl", true, WEB);
            restoreUrl = hooks.url("restoreUrl", true, WEB);
            if (!config.has("readinessUrl")) {
                config.problem("dependencyDown", "needs readinessUrl, whose answers it watches");
            }
        }
        return new Plan(liveness, readiness, breakUrl, restoreUrl);
    }

    @Override
    public String describe(Plan plan) {
        List<String> parts = new ArrayList<>();
        if (plan.livenessUrl() != null) {
            parts.add("liveness at " + plan.livenessUrl());
        }
        if (plan.readinessUrl() != null) {
            parts.add("readiness at " + plan.readinessUrl());
        }
        return Words.all(parts) + (plan.breakUrl() != null ? ", and readiness with a dependency down" : "");
    }

    @Override
    public Findings run(Plan plan, Run run) {
        List<String> asked = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        if (plan.livenessUrl() != null) {
            asked.add("GET " + plan.livenessUrl());
            observations.add(status("liveness", "GET", plan.livenessUrl(), UP));
        }
        if (plan.readinessUrl() != null) {
            asked.add("GET " + plan.readinessUrl());
            observations.add(status("readiness", "GET", plan.readinessUrl(), UP));
        }
        if (plan.breakUrl() != null) {
            asked.add("POST " + plan.breakUrl() + ", GET " + plan.readinessUrl() + ", POST " + plan.restoreUrl() + ", GET "
                    + plan.readinessUrl());
            try {
                Observation broken = status("dependency taken down", "POST", plan.breakUrl(), Statuses.SUCCESS);
                observations.add(broken);
                if (broken.ok()) {
                    observations.add(status("readiness with the dependency down", "GET", plan.readinessUrl(), DOWN));
                }
            } finally {
                Observation restored = status("dependency restored", "POST", plan.restoreUrl(), Statuses.SUCCESS);
                observations.add(restored);
                if (restored.ok()) {
                    observations.add(status("readiness after the restore", "GET", plan.readinessUrl(), UP));
                }
            }
        }
        return new Findings(String.join(", ", asked) + " (redirects not followed)", observations);
    }

    private Observation status(String what, String method, String url, Statuses expected) {
        try {
            int status = outbound.send(method, url, Map.of(), false, false).status();
            return new Observation(what, expected.toString(), Integer.toString(status), expected.allows(status));
        } catch (Outbound.Unanswered e) {
            return new Observation(what, expected.toString(), e.observation().seen(), false);
        }
    }
}
