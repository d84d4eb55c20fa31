package dev.preflight.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The prometheus check, against the Prometheus at {@code server}: either {@code query}, a PromQL
 * expression asked through /api/v1/query, with {@code expect: {nonEmpty: true}} (the default) or
 * {@code expect: {min, max}} on the first sample's value; or {@code alert}, the name of an alerting
 * rule that must be loaded (/api/v1/rules), with {@code labels} it must carry. The observations
 * report the series, values and rules seen.
 */
final class PrometheusCheck implements CheckKind<PrometheusCheck.Plan> {

    private static final List<String> SETTINGS = List.of("server", "query", "expect", "alert", "labels");
    private static final List<String> EXPECT = List.of("nonEmpty", "min", "max");
    private static final int SHOWN_SERIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings as a run uses them. */
    record Plan(String server, String query, boolean nonEmpty, Double min, Double max, String alert,
            Map<String, String> labels) {
    }

    private final Outbound outbound;

    PrometheusCheck(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public String key() {
        return "prometheus";
    }

    @Override
    public List<String> settings() {
        return SETTINGS;
    }

    @Override
    public Plan read(ConfigReader config) {
        String server = config.url("server", true, List.of("http", "https"));
        String query = config.text("query", false);
        String alert = config.text("alert", false);
        if (!config.has("query") && !config.has("alert")) {
            config.problem("query", "is required, unless alert names an alerting rule");
        }
        if (config.has("query") && config.has("alert")) {
            config.problem("alert", "cannot be given with query: a check asks one of them");
        }
        boolean nonEmpty = true;
        Double min = null;
        Double max = null;
        ConfigReader expect = config.section("expect", "expect");
        if (expect != null) {
            expect.only(EXPECT);
            min = expect.number("min");
            max = expect.number("max");
            Boolean given = expect.flag("nonEmpty");
            nonEmpty = given != null ? given : min == null && max == null;
            if (min != null && max != null && min > max) {
                expect.problem("max", "must not be below min");
            }
            if (!nonEmpty && min == null && max == null) {
                expect.problem("nonEmpty", "may be false only with min or max, or the query expects nothing");
            }
            if (config.has("alert")) {
                config.problem("expect", "goes with query, not with alert");
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        ConfigReader given = config.section("labels", "labels");
        if (given != null) {
            given.names().forEach(name -> labels.put(name, given.text(name, true)));
            if (!config.has("alert")) {
                config.problem("labels", "goes with alert, not with query");
            }
        }
        return new Plan(server == null ? null : server.replaceAll("/+$", ""), query, nonEmpty, min, max, alert, labels);
    }

    @Override
    public String describe(Plan plan) {
        if (plan.alert() != null) {
            return "the alerting rule " + plan.alert() + (plan.labels().isEmpty() ? "" : " (" + labels(plan.labels())
                    + ")") + " is loaded in the Prometheus at " + plan.server();
        }
        return "the query " + plan.query() + " at the Prometheus at " + plan.server() + " returns " + expected(plan);
    }

    @Override
    public Findings run(Plan plan, Run run) {
        return plan.alert() != null ? alert(plan) : query(plan);
    }

    private Findings query(Plan plan) {
        String url = plan.server() + "/api/v1/query?query=" + URLEncoder.encode(plan.query(), StandardCharsets.UTF_8);
        String asked = "GET " + url;
        JsonNode data;
        try {
            data = ask(url);
        } catch (Outbound.Unanswered e) {
            return new Findings(asked, List.of(e.observation()));
        }
        List<String> series = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        if (type.equals("scalar")) {
            series.add("scalar " + result.path(1).asText());
            values.add(result.path(1).asDouble());
        } else {
            for (JsonNode one : result) {
                JsonNode sample = type.equals("matrix") ? one.path("values").path(one.path("values").size() - 1)
                        : one.path("value");
                series.add(name(one.path("metric")) + " " + sample.path(1).asText());
                values.add(sample.path(1).asDouble());
            }
        }
        List<Observation> observations = new ArrayList<>();
        String seen = series.isEmpty() ? "no series" : series.size() + ": " + String.join(", ", series.subList(0,
                Math.min(SHOWN_SERIES, series.size()))) + (series.size() > SHOWN_SERIES ? ", …" : "");
        if (plan.nonEmpty()) {
            observations.add(new Observation("series", "at least one", seen, !series.isEmpty()));
        }
        if (plan.min() != null || plan.max() != null) {
            Double first = values.isEmpty() ? null : values.get(0);
            boolean ok = first != null && !first.isNaN() && (plan.min() == null || first >= plan.min())
                    && (plan.max() == null || first <= plan.max());
            observations.add(new Observation("value", bounds(plan), first == null ? "no series" : series.get(0), ok));
        }
        return new Findings(asked, observations);
    }

    private Findings alert(Plan plan) {
        String url = plan.server() + "/api/v1/rules";
        String asked = "GET " + url;
        JsonNode data;
        try {
            data = ask(url);
        } catch (Outbound.Unanswered e) {
            return new Findings(asked, List.of(e.observation()));
        }
        List<String> alerting = new ArrayList<>();
        List<JsonNode> named = new ArrayList<>();
        boolean recording = false;
        for (JsonNode group : data.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("name").asText();
                if (rule.path("type").asText().equals("alerting")) {
                    alerting.add(name);
                    if (name.equals(plan.alert())) {
                        named.add(rule);
                    }
                } else if (name.equals(plan.alert())) {
                    recording = true;
                }
            }
        }
        String what = "alerting rule " + plan.alert();
        if (named.isEmpty()) {
            String seen = "not loaded" + (recording ? "; a recording rule has that name" : "") + " (alerting rules: "
                    + (alerting.isEmpty() ? "none" : String.join(", ", alerting)) + ")";
            return new Findings(asked, List.of(new Observation(what, "loaded", seen, false)));
        }
        JsonNode rule = named.stream().filter(r -> plan.labels().entrySet().stream()
                .allMatch(l -> r.path("labels").path(l.getKey()).asText().equals(l.getValue()))).findFirst()
                .orElse(named.get(0));
        List<Observation> observations = new ArrayList<>();
        observations.add(new Observation(what, "loaded", "loaded" + (named.size() > 1 ? " " + named.size() + " times" : "")
                + " (" + labelsOf(rule.path("labels")) + ")", true));
        plan.labels().forEach((name, value) -> {
            JsonNode label = rule.path("labels").path(name);
            observations.add(new Observation("label " + name + " of " + plan.alert(), value,
                    label.isMissingNode() ? "(missing)" : label.asText(), label.asText().equals(value)));
        });
        return new Findings(asked, observations);
    }

    /** The data of Prometheus's answer, or why there is none to judge. */
    private JsonNode ask(String url) throws Outbound.Unanswered {
        Outbound.Answer answer = outbound.send("GET", url, Map.of("Accept", "application/json"), true, false);
        if (!answer.body().whole()) {
            String limit = Words.size(outbound.maxBodyBytes());
            throw new Outbound.Unanswered(new Observation("answer", "at most " + limit, "larger than " + limit
                    + ", not read further", false));
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer.body().bytes());
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.path("status").asText().equals("success")) {
            String seen = root != null && root.has("error") ? root.path("errorType").asText("error") + ": "
                    + root.path("error").asText() : "status " + answer.status() + " without Prometheus's JSON";
            throw new Outbound.Unanswered(new Observation("answer", "a successful answer from Prometheus", seen, false));
        }
        return root.path("data");
    }

    private static String expected(Plan plan) {
        List<String> parts = new ArrayList<>();
        if (plan.nonEmpty()) {
            parts.add("at least one series");
        }
        if (plan.min() != null || plan.max() != null) {
            parts.add("a first value " + bounds(plan));
        }
        return parts.isEmpty() ? "an answer" : Words.all(parts);
    }

    private static String bounds(Plan plan) {
        List<String> parts = new ArrayList<>();
        if (plan.min() != null) {
            parts.add("at least " + Words.number(plan.min()));
        }
        if (plan.max() != null) {
            parts.add("at most " + Words.number(plan.max()));
        }
        return Words.all(parts);
    }

    private static String name(JsonNode metric) {
        String name = metric.path("__name__").asText("");
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : metric.properties()) {
            if (!field.getKey().equals("__name__")) {
                labels.add(field.getKey() + "=\"" + field.getValue().asText() + "\"");
            }
        }
        return name + "{" + String.join(",", labels) + "}";
    }

    private static String labelsOf(JsonNode labels) {
        List<String> pairs = new ArrayList<>();
        labels.properties().forEach(l -> pairs.add(l.getKey() + "=" + l.getValue().asText()));
        return pairs.isEmpty() ? "no labels" : String.join(", ", pairs);
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
