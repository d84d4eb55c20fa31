package dev.preflight.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.preflight.Eventually;
import dev.preflight.PrometheusProcess;
import dev.preflight.TestApplication;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The alert rules and the dashboard in docs/operations ask only for metrics a running Preflight
 * exports (or, named here, that Prometheus and the blackbox exporter make), and a real Prometheus
 * scraping this Preflight loads the rules and evaluates every one of them without error.
 */
@QuarkusTest
class OperatorMetricsTest {

    private static final Path RULES = Path.of("docs/operations/prometheus-rules.yml");
    private static final Path DASHBOARD = Path.of("docs/operations/grafana-dashboard.json");
    /** Metrics the rules read from elsewhere: Prometheus's own, and the blackbox exporter's TLS probe. */
    private static final Set<String> FROM_ELSEWHERE = Set.of("up", "probe_ssl_earliest_cert_expiry");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @TempDir
    Path dir;

    @Test
    void every_metric_the_rules_and_the_dashboard_use_is_exported() throws Exception {
        given().when().get("/login").then().statusCode(200);
        String metrics = TestApplication.management().when().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        Set<String> exported = new TreeSet<>();
        metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> exported.add(line.split("[{ ]", 2)[0]));

        List<String> expressions = expressions();
        assertThat(expressions).hasSizeGreaterThan(20);
        Set<String> used = new TreeSet<>();
        expressions.forEach(expression -> used.addAll(metricsIn(expression)));

        assertThat(used).contains("http_server_requests_seconds_bucket", "agroal_awaiting_count",
                "preflight_webhook_backlog", "preflight_audit_seal_lag_seconds", "preflight_scheduled_failures_total",
                "preflight_live_listener_up", "disk_free_bytes");
        used.removeAll(FROM_ELSEWHERE);
        assertThat(exported).containsAll(used);
        assertThat(metrics).contains("le=\"2.0\"", "le=\"5.0\"")
                .containsPattern("preflight_scheduled_failures_total\\{work=\"[^\"]*AuditSealer#seal\"} 0\\.0")
                .contains("preflight_live_listener_up 1.0");
    }

    @Test
    void prometheus_scraping_preflight_loads_and_evaluates_every_rule() throws Exception {
        Files.copy(RULES, dir.resolve("rules.yml"));
        try (PrometheusProcess prometheus = PrometheusProcess.start(dir, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: preflight
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(TestApplication.managementPort()))) {
            prometheus.awaitQuery("preflight_live_listener_up{job=\"preflight\"}", answer -> answer.contains("\"1\"]"));
            ObjectMapper json = new ObjectMapper();
            int rules = new YAMLMapper().readTree(RULES.toFile()).findValues("expr").size();
            List<String> unhealthy = new ArrayList<>();
            Eventually.until(Duration.ofSeconds(90), () -> {
                try {
                    JsonNode groups = json.readTree(prometheus.get("/api/v1/rules")).path("data").path("groups");
                    unhealthy.clear();
                    int evaluated = 0;
                    for (JsonNode group : groups) {
                        for (JsonNode rule : group.path("rules")) {
                            if (!rule.path("health").asText().equals("ok")) {
                                unhealthy.add(rule.path("name").asText() + ": " + rule.path("health").asText() + " "
                                        + rule.path("lastError").asText());
                            }
                            evaluated++;
                        }
                    }
                    return evaluated == rules && unhealthy.isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(unhealthy).isEmpty();
        }
    }

    private static List<String> expressions() throws Exception {
        List<String> expressions = new ArrayList<>();
        new YAMLMapper().readTree(RULES.toFile()).findValues("expr").forEach(e -> expressions.add(e.asText()));
        new ObjectMapper().readTree(DASHBOARD.toFile()).findValues("expr").forEach(e -> expressions.add(e.asText()));
        return expressions;
    }

    /** The metric names in a PromQL expression: not labels, functions, keywords, durations or numbers. */
    static Set<String> metricsIn(String expression) {
        String bare = expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group();
            boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
            boolean number = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
