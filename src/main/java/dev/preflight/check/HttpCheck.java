package dev.preflight.check;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The http check: one request to a URL, and what its answer must be.
 * <ul>
 * <li>{@code method}: GET (the default), HEAD, POST, PUT, PATCH, DELETE or OPTIONS, sent without a body;</li>
 * <li>{@code url};</li>
 * <li>{@code status}: a status, a range ({@code "200-299"}, the default) or a list of them;</li>
 * <li>{@code headers}: response headers, each {@code {present: true}} (or false),
 * {@code {equals: "v"}} or {@code {matches: "regex"}};</li>
 * <li>{@code bodyContains}: text the body holds;</li>
 * <li>{@code json}: values in the body by dotted path, {@code {"status": "UP", "checks.db": "UP"}};</li>
 * <li>{@code maxLatencyMs}: how long the whole answer may take;</li>
 * <li>{@code followRedirects}: false by default; when true up to five, each to an allowed host;</li>
 * <li>{@code requestHeaders}: headers sent, whose values may hold {@code ${secret.NAME}}.</li>
 * </ul>
 */
final class HttpCheck implements CheckKind<HttpCheck.Plan> {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final List<String> SETTINGS = List.of("method", "url", "status", "headers", "bodyContains", "json",
            "maxLatencyMs", "followRedirects", "requestHeaders");
    private static final Set<String> SET_BY_PREFLIGHT = Set.of("host", "connection", "content-length", "expect",
            "upgrade");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings as a run uses them. */
    record Plan(String method, String url, Statuses status, List<HeaderRule> headers, String bodyContains,
            Map<String, Object> json, Long maxLatencyMs, boolean followRedirects, Map<String, SecretText> requestHeaders) {
    }

    private final Outbound outbound;

    HttpCheck(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public String key() {
        return "http";
    }

    @Override
    public List<String> settings() {
        return SETTINGS;
    }

    @Override
    public Plan read(ConfigReader config) {
        String method = config.text("method", false);
        if (method != null && !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            config.problem("method", "must be one of " + String.join(", ", METHODS));
        }
        String url = config.url("url", true, List.of("http", "https"));
        Statuses status = Statuses.read(config, "status", Statuses.SUCCESS);
        List<HeaderRule> headers = HeaderRule.readAll(config.section("headers", "headers"), false);
        String bodyContains = config.text("bodyContains", false);
        Map<String, Object> json = json(config.section("json", "json"));
        Long maxLatencyMs = config.whole("maxLatencyMs", 1, 3_600_000);
        Boolean follow = config.flag("followRedirects");
        Map<String, SecretText> requestHeaders = requestHeaders(config.section("requestHeaders", "requestHeaders"));
        return new Plan(method == null ? "GET" : method.toUpperCase(Locale.ROOT), url, status, headers, bodyContains,
                json, maxLatencyMs, Boolean.TRUE.equals(follow), requestHeaders);
    }

    @Override
    public String describe(Plan plan) {
        List<String> expectations = new ArrayList<>();
        expectations.add("status " + plan.status());
        plan.headers().forEach(h -> expectations.add(h.header() + " " + h.expected()));
        if (plan.bodyContains() != null) {
            expectations.add("a body containing \"" + plan.bodyContains() + "\"");
        }
        plan.json().forEach((path, value) -> expectations.add(path + " = " + shown(value)));
        if (plan.maxLatencyMs() != null) {
            expectations.add("within " + plan.maxLatencyMs() + " ms");
        }
        return plan.method() + " " + plan.url() + " answers with " + Words.all(expectations);
    }

    @Override
    public Findings run(Plan plan, Run run) {
        Map<String, String> sent = new LinkedHashMap<>();
        plan.requestHeaders().forEach((name, value) -> sent.put(name, run.reveal(value)));
        String asked = plan.method() + " " + plan.url() + (plan.requestHeaders().isEmpty() ? "" : " with "
                + plan.requestHeaders().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().shown())
                        .collect(Collectors.joining(", ")))
                + (plan.followRedirects() ? " (redirects followed, up to " + Outbound.MAX_REDIRECTS + ")"
                        : " (redirects not followed)");
        boolean readBody = plan.bodyContains() != null || !plan.json().isEmpty();
        Outbound.Answer answer;
        try {
            answer = outbound.send(plan.method(), plan.url(), sent, readBody, plan.followRedirects());
        } catch (Outbound.Unanswered e) {
            return new Findings(asked, List.of(e.observation()));
        }
        List<Observation> observations = new ArrayList<>();
        if (!answer.hops().isEmpty()) {
            observations.add(new Observation("redirects", "at most " + Outbound.MAX_REDIRECTS, answer.hops().size()
                    + ", the last to " + answer.hops().get(answer.hops().size() - 1), true));
        }
        observations.add(new Observation("status", plan.status().toString(), Integer.toString(answer.status()),
                plan.status().allows(answer.status())));
        plan.headers().forEach(rule -> observations.add(rule.check(answer.headers())));
        if (readBody) {
            observations.addAll(body(plan, answer.body()));
        }
        if (plan.maxLatencyMs() != null) {
            observations.add(new Observation("time to answer", "at most " + plan.maxLatencyMs() + " ms",
                    answer.millis() + " ms", answer.millis() <= plan.maxLatencyMs()));
        }
        return new Findings(asked, observations);
    }

    private List<Observation> body(Plan plan, Outbound.Body body) {
        List<Observation> observations = new ArrayList<>();
        if (!body.whole()) {
            String limit = Words.size(outbound.maxBodyBytes());
            observations.add(new Observation("body", "at most " + limit, "larger than " + limit + ", not read further",
                    false));
            return observations;
        }
        String text = new String(body.bytes(), StandardCharsets.UTF_8);
        if (plan.bodyContains() != null) {
            boolean contains = text.contains(plan.bodyContains());
            observations.add(new Observation("body", "containing \"" + plan.bodyContains() + "\"", contains
                    ? "contains it" : "does not contain it (" + Words.size(body.bytes().length) + ")", contains));
        }
        if (!plan.json().isEmpty()) {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (IOException e) {
                root = null;
            }
            for (Map.Entry<String, Object> expected : plan.json().entrySet()) {
                JsonNode node = root == null ? null : at(root, expected.getKey());
                String seen = root == null ? "(not JSON)" : node == null ? "(missing)"
                        : node.isTextual() ? node.asText() : node.toString();
                observations.add(new Observation("JSON " + expected.getKey(), shown(expected.getValue()), seen,
                        node != null && same(node, expected.getValue())));
            }
        }
        return observations;
    }

    private static Map<String, Object> json(ConfigReader json) {
        Map<String, Object> expected = new LinkedHashMap<>();
        if (json == null) {
            return expected;
        }
        for (String path : json.names()) {
            Object value = json.raw(path);
            if (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                json.problem(path, "must be a path of names joined by dots, such as checks.db");
            } else if (value instanceof String) {
                expected.put(path, json.text(path, false));
            } else if (value == null || value instanceof Number || value instanceof Boolean) {
                expected.put(path, value);
            } else {
                json.problem(path, "must be text, a number, true, false or null");
            }
        }
        return expected;
    }

    private static Map<String, SecretText> requestHeaders(ConfigReader headers) {
        Map<String, SecretText> sent = new LinkedHashMap<>();
        if (headers == null) {
            return sent;
        }
        for (String name : headers.names()) {
            if (!TOKEN.matcher(name).matches()) {
                headers.problem(name, "is not a header name");
            } else if (SET_BY_PREFLIGHT.contains(name.toLowerCase(Locale.ROOT))) {
                headers.problem(name, "is set by Preflight itself");
            } else {
                SecretText value = headers.secretText(name, true);
                if (value != null) {
                    sent.put(name, value);
                }
            }
        }
        return sent;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            if (node.isArray() && name.matches("\\d+")) {
                node = node.get(Integer.parseInt(name));
            } else {
                node = node.isObject() ? node.get(name) : null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static boolean same(JsonNode node, Object expected) {
        if (expected == null) {
            return node.isNull();
        }
        if (expected instanceof Boolean flag) {
            return node.isBoolean() && node.booleanValue() == flag;
        }
        if (expected instanceof Number number) {
            return node.isNumber() && node.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
        }
        return node.isValueNode() && !node.isNull() && node.asText().equals(expected);
    }

    private static String shown(Object value) {
        return value == null ? "null" : value.toString();
    }
}
