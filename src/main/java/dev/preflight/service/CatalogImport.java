package dev.preflight.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.preflight.identity.Access;
import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Role;
import dev.preflight.platform.text.Keyed;
import dev.preflight.team.Team;
import dev.preflight.team.TeamDirectory;
import dev.preflight.team.TeamInput;

/**
 * Services from Backstage catalog files ({@code catalog-info.yaml}, one or many documents): each
 * {@code Component} becomes a service named by {@code metadata.name}, owned by the team of
 * {@code spec.owner}, with its description, lifecycle, links and tier (annotation
 * {@code preflight.dev/tier} or {@code spec.tier}). Importing again updates what changed and never
 * makes a second service; other kinds and components that cannot be read are skipped, saying why.
 * A preview says what an import would do; applying it does all of it or, if anything is refused,
 * none. Admins import (owners that are not yet teams become teams).
 */
@ApplicationScoped
public class CatalogImport {

    static final String TIER_ANNOTATION = "preflight.dev/tier";
    static final String ON_CALL_ANNOTATION = "preflight.dev/on-call";
    static final String BASE_URL_ANNOTATION = "preflight.dev/base-url";
    static final String READINESS_URL_ANNOTATION = "preflight.dev/readiness-url";
    static final String METRICS_URL_ANNOTATION = "preflight.dev/metrics-url";
    static final String PROMETHEUS_URL_ANNOTATION = "preflight.dev/prometheus-url";
    static final String RUNS_ON_ANNOTATION = "preflight.dev/runs-on";
    static final String STORES_DATA_ANNOTATION = "preflight.dev/stores-data";
    static final String PUBLIC_ANNOTATION = "preflight.dev/public";
    static final String PERSONAL_DATA_ANNOTATION = "preflight.dev/personal-data";
    static final String SOURCE_ANNOTATION = "backstage.io/source-location";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the import does with one document. */
    public record Change(int document, String name, String action, String team, List<String> fields, String reason) {
    }

    /** All the documents' changes; {@code applied} says whether they were made or only previewed. */
    public record Result(boolean applied, int created, int updated, int unchanged, int skipped, List<Change> changes) {
    }

    private final ServiceCatalog catalog;
    private final TeamDirectory teams;
    private final Access access;

    public CatalogImport(ServiceCatalog catalog, TeamDirectory teams, Access access) {
        this.catalog = catalog;
        this.teams = teams;
        this.access = access;
    }

    /** What importing the text would do, or (with {@code apply}) does, in one transaction. */
    @Transactional
    public Result run(String text, boolean apply) {
        access.require(Role.ADMIN);
        List<JsonNode> documents = documents(text);
        List<Change> changes = new ArrayList<>();
        Map<String, ServiceInput> wanted = new LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode doc = documents.get(i);
            String kind = doc.path("kind").asText("");
            String name = doc.path("metadata").path("name").asText("");
            if (!kind.equals("Component")) {
                changes.add(new Change(i + 1, name.isEmpty() ? null : name, "skip", null, List.of(),
                        kind.isEmpty() ? "not a Backstage entity (no kind)" : "a " + kind + ", not a Component"));
                continue;
            }
            String refusal = refusal(doc, name);
            if (refusal != null) {
                changes.add(new Change(i + 1, name.isEmpty() ? null : name, "skip", null, List.of(), refusal));
                continue;
            }
            ServiceInput input = input(doc);
            if (wanted.containsKey(input.slug())) {
                changes.add(new Change(i + 1, input.slug(), "skip", input.team(), List.of(),
                        "an earlier document names the same component"));
                continue;
            }
            input = keepingKnownTraits(input);
            wanted.put(input.slug(), input);
            changes.add(change(i + 1, input));
        }
        if (apply) {
            for (Change change : changes) {
                ServiceInput input = wanted.get(change.name());
                if (input == null || change.action().equals("skip") || change.action().equals("unchanged")) {
                    continue;
                }
                if (Team.findBySlug(input.team()).isEmpty()) {
                    teams.create(new TeamInput(input.team(), input.team(), null));
                }
                if (change.action().equals("create")) {
                    catalog.create(input);
                } else {
                    catalog.update(input.slug(), input, null);
                }
            }
        }
        return new Result(apply, count(changes, "create"), count(changes, "update"), count(changes, "unchanged"),
                count(changes, "skip"), List.copyOf(changes));
    }

    private static int count(List<Change> changes, String action) {
        return (int) changes.stream().filter(c -> c.action().equals(action)).count();
    }

    private static List<JsonNode> documents(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(text == null ? "" : text);
                MappingIterator<JsonNode> values = YAML.readValues(parser, JsonNode.class)) {
            while (values.hasNextValue()) {
                JsonNode node = values.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("body", "is not YAML a catalog file holds: " + firstLine(e.getMessage()));
        }
        if (documents.isEmpty()) {
            throw ProblemException.invalid("body", "holds no catalog entity: paste or upload a catalog-info.yaml");
        }
        return documents;
    }

    /** Why the component cannot become a service, or null. */
    private static String refusal(JsonNode doc, String name) {
        if (name.isEmpty()) {
            return "metadata.name is missing";
        }
        String owner = doc.path("spec").path("owner").asText("");
        if (owner.isEmpty()) {
            return "spec.owner is missing: a service needs an owning team";
        }
        if (owner.startsWith("user:")) {
            return "spec.owner is a user (" + owner + "), not a team";
        }
        if (!Slugs.isValid(slug(name))) {
            return "metadata.name '" + name + "' does not make a slug (letters, digits and hyphens, at most 64)";
        }
        if (!Slugs.isValid(team(owner))) {
            return "spec.owner '" + owner + "' does not make a team slug";
        }
        if (tier(doc) == null) {
            return "the tier (annotation " + TIER_ANNOTATION + " or spec.tier) must be 1, 2 or 3";
        }
        return null;
    }

    private static ServiceInput input(JsonNode doc) {
        JsonNode metadata = doc.path("metadata");
        JsonNode annotations = metadata.path("annotations");
        String name = metadata.path("name").asText();
        String title = metadata.path("title").asText("");
        String repository = null;
        String dashboard = null;
        String health = null;
        String source = annotations.path(SOURCE_ANNOTATION).asText("");
        if (source.startsWith("url:")) {
            repository = web(source.substring(4));
        }
        for (JsonNode link : metadata.path("links")) {
            String url = web(link.path("url").asText(""));
            String label = (link.path("title").asText("") + " " + link.path("type").asText("") + " "
                    + link.path("icon").asText("")).toLowerCase(Locale.ROOT);
            if (url == null) {
                continue;
            }
            if (repository == null && (label.contains("repo") || label.contains("source") || label.contains("github")
                    || label.contains("gitlab"))) {
                repository = url;
            } else if (dashboard == null && (label.contains("dashboard") || label.contains("grafana")
                    || label.contains("monitor"))) {
                dashboard = url;
            } else if (health == null && (label.contains("health") || label.contains("status"))) {
                health = url;
            }
        }
        String onCall = annotations.path(ON_CALL_ANNOTATION).asText("");
        if (onCall.isEmpty() && annotations.has("pagerduty.com/service-id")) {
            onCall = "PagerDuty " + annotations.path("pagerduty.com/service-id").asText();
        }
        Set<String> tags = new HashSet<>();
        metadata.path("tags").forEach(t -> tags.add(t.asText("").toLowerCase(Locale.ROOT)));
        String type = doc.path("spec").path("type").asText("").toLowerCase(Locale.ROOT);
        return new ServiceInput(slug(name), title.isBlank() ? name : title.trim(),
                metadata.path("description").asText("").trim(), team(doc.path("spec").path("owner").asText()),
                tier(doc), lifecycle(doc.path("spec").path("lifecycle").asText("")), repository, dashboard, health,
                onCall.isBlank() ? null : onCall.trim(), web(annotations.path(BASE_URL_ANNOTATION).asText("")),
                web(annotations.path(READINESS_URL_ANNOTATION).asText("")),
                web(annotations.path(METRICS_URL_ANNOTATION).asText("")),
                web(annotations.path(PROMETHEUS_URL_ANNOTATION).asText("")), runsOn(annotations, tags),
                flag(annotations, STORES_DATA_ANNOTATION,
                        suggested(tags.contains("database") || tags.contains("stateful"), false)),
                flag(annotations, PUBLIC_ANNOTATION, suggested(type.equals("website") || tags.contains("public"),
                        tags.contains("internal"))),
                flag(annotations, PERSONAL_DATA_ANNOTATION,
                        suggested(tags.contains("pii") || tags.contains("gdpr"), false)),
                null);
    }

    /**
     * How the component runs: the annotation {@value #RUNS_ON_ANNOTATION}, else Backstage's
     * Kubernetes annotations, else tags (kubernetes/k8s, lambda/serverless, docker/container, vm).
     */
    private static RunsOn runsOn(JsonNode annotations, Set<String> tags) {
        String named = annotations.path(RUNS_ON_ANNOTATION).asText("").trim().toLowerCase(Locale.ROOT);
        if (!named.isEmpty()) {
            return Keyed.byKey(RunsOn.class, named).orElse(null);
        }
        if (annotations.has("backstage.io/kubernetes-id") || annotations.has("backstage.io/kubernetes-label-selector")
                || tags.contains("kubernetes") || tags.contains("k8s")) {
            return RunsOn.KUBERNETES;
        }
        if (tags.contains("lambda") || tags.contains("serverless")) {
            return RunsOn.SERVERLESS;
        }
        if (tags.contains("docker") || tags.contains("container")) {
            return RunsOn.CONTAINER;
        }
        return tags.contains("vm") ? RunsOn.VM : null;
    }

    /** What tags suggest of a yes/no trait: yes, no, or nothing (null) when they say neither. */
    private static Boolean suggested(boolean yes, boolean no) {
        return yes ? Boolean.TRUE : no ? Boolean.FALSE : null;
    }

    /** A yes/no trait: the annotation ("true"/"false") when there is one, else what the tags or type suggest. */
    private static Boolean flag(JsonNode annotations, String annotation, Boolean suggested) {
        String value = annotations.path(annotation).asText("").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> suggested;
        };
    }

    /** Traits the file does not speak of keep what the service already records. */
    private static ServiceInput keepingKnownTraits(ServiceInput input) {
        Service existing = Service.findBySlug(input.slug()).orElse(null);
        if (existing == null) {
            return input;
        }
        return new ServiceInput(input.slug(), input.name(), input.description(), input.team(), input.tier(),
                input.lifecycle(), input.repositoryUrl(), input.dashboardUrl(), input.healthUrl(), input.onCall(),
                input.baseUrl(), input.readinessUrl(), input.metricsUrl(), input.prometheusUrl(),
                input.runsOn() == null ? existing.runsOn : input.runsOn(),
                input.storesData() == null ? existing.storesData : input.storesData(),
                input.publicFacing() == null ? existing.publicFacing : input.publicFacing(),
                input.personalData() == null ? existing.personalData : input.personalData(), null);
    }

    private Change change(int document, ServiceInput input) {
        Service existing = Service.findBySlug(input.slug()).orElse(null);
        if (existing == null) {
            return new Change(document, input.slug(), "create", input.team(), List.of(),
                    Team.findBySlug(input.team()).isEmpty() ? "the team '" + input.team() + "' is made too" : null);
        }
        List<String> fields = new ArrayList<>();
        compare(fields, "name", existing.name, input.name());
        compare(fields, "description", existing.description, input.description());
        compare(fields, "team", existing.team.slug, input.team());
        compare(fields, "tier", existing.tier, input.tier());
        compare(fields, "lifecycle", existing.lifecycle, input.lifecycle());
        compare(fields, "repositoryUrl", existing.repositoryUrl, input.repositoryUrl());
        compare(fields, "dashboardUrl", existing.dashboardUrl, input.dashboardUrl());
        compare(fields, "healthUrl", existing.healthUrl, input.healthUrl());
        compare(fields, "onCall", existing.onCall, input.onCall());
        compare(fields, "baseUrl", existing.baseUrl, input.baseUrl());
        compare(fields, "readinessUrl", existing.readinessUrl, input.readinessUrl());
        compare(fields, "metricsUrl", existing.metricsUrl, input.metricsUrl());
        compare(fields, "prometheusUrl", existing.prometheusUrl, input.prometheusUrl());
        compare(fields, "runsOn", existing.runsOn, input.runsOn());
        compare(fields, "storesData", existing.storesData, input.storesData());
        compare(fields, "publicFacing", existing.publicFacing, input.publicFacing());
        compare(fields, "personalData", existing.personalData, input.personalData());
        return new Change(document, input.slug(), fields.isEmpty() ? "unchanged" : "update", input.team(),
                List.copyOf(fields), null);
    }

    private static void compare(List<String> fields, String field, Object stored, Object imported) {
        Object a = stored instanceof String s && s.isEmpty() ? null : stored;
        Object b = imported instanceof String s && s.isEmpty() ? null : imported;
        if (!Objects.equals(a, b)) {
            fields.add(field);
        }
    }

    /** Backstage names allow capitals, dots and underscores; slugs do not. */
    static String slug(String name) {
        return Slugs.from(name);
    }

    /** {@code group:default/payments} and {@code payments} both name the team payments. */
    static String team(String owner) {
        String name = owner.trim();
        int colon = name.indexOf(':');
        name = colon >= 0 ? name.substring(colon + 1) : name;
        int slash = name.lastIndexOf('/');
        return slug(slash >= 0 ? name.substring(slash + 1) : name);
    }

    private static Integer tier(JsonNode doc) {
        String value = doc.path("metadata").path("annotations").path(TIER_ANNOTATION).asText("");
        if (value.isEmpty()) {
            value = doc.path("spec").path("tier").asText("2");
        }
        String digits = value.trim().toLowerCase(Locale.ROOT).replace("tier", "").replace("-", "").trim();
        return switch (digits) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> null;
        };
    }

    private static Lifecycle lifecycle(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "production" -> Lifecycle.PRODUCTION;
            case "deprecated", "retired" -> Lifecycle.RETIRED;
            case "experimental", "planned" -> Lifecycle.PLANNED;
            default -> Lifecycle.LAUNCHING;
        };
    }

    private static String web(String url) {
        String trimmed = url.trim();
        return trimmed.startsWith("https://") || trimmed.startsWith("http://") ? trimmed : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
