package dev.preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.preflight.PrometheusProcess;
import dev.preflight.check.CheckOutcome.Verdict;

/**
 * The prometheus check against a real Prometheus ({@code /usr/bin/prometheus}, Debian's
 * {@code prometheus} package) started by the test, with one alerting and one recording rule,
 * scraping a metrics page the test serves.
 */
class PrometheusCheckTest {

    @TempDir
    static Path dir;

    private static TestSite target;
    private static PrometheusProcess prometheus;
    private static String server;

    @BeforeAll
    static void start() throws Exception {
        target = TestSite.plain().answer("/metrics", 200, Map.of("Content-Type", "text/plain; version=0.0.4"), """
                # TYPE shop_requests_total counter
                shop_requests_total{path="/"} 42
                # TYPE shop_temperature gauge
                shop_temperature 21.5
                """);
        Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: shop
                    rules:
                      - alert: ShopDown
                        expr: up{job="shop"} == 0
                        for: 1m
                        labels:
                          severity: page
                          team: payments
                        annotations:
                          summary: The shop cannot be scraped
                      - record: shop:requests:rate5m
                        expr: rate(shop_requests_total[5m])
                """);
        prometheus = PrometheusProcess.start(dir, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: shop
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(target.port()));
        server = prometheus.url();
        prometheus.awaitQuery("shop_temperature", answer -> answer.contains("21.5"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void a_query_with_series_passes_and_reports_them() {
        CheckOutcome outcome = checks().run("prometheus", Map.of("server", "${service.prometheusUrl}",
                "query", "up{job=\"${service.slug}\"}"), Map.of("prometheusUrl", server + "/", "slug", "shop"));

        assertThat(outcome.verdict()).as(outcome.summary()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.asked()).isEqualTo("GET " + server + "/api/v1/query?query=up%7Bjob%3D%22shop%22%7D");
        assertThat(outcome.observations()).containsExactly(new Observation("series", "at least one",
                "1: up{instance=\"127.0.0.1:" + target.port() + "\",job=\"shop\"} 1", true));
    }

    @Test
    void a_query_without_series_fails() {
        CheckOutcome outcome = checks().run("prometheus", Map.of("server", server, "query", "up{job=\"nothing\"}"),
                Map.of());

        assertThat(outcome.summary()).isEqualTo("failed: series expected at least one, saw no series");
    }

    @Test
    void a_value_within_bounds_passes_and_one_outside_fails_with_the_value_seen() {
        CheckOutcome within = checks().run("prometheus", Map.of("server", server, "query", "shop_temperature",
                "expect", Map.of("min", 20, "max", 25)), Map.of());
        assertThat(within.verdict()).as(within.summary()).isEqualTo(Verdict.PASSED);

        CheckOutcome above = checks().run("prometheus", Map.of("server", server, "query", "shop_temperature",
                "expect", Map.of("max", 20)), Map.of());
        assertThat(above.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(above.observations()).containsExactly(new Observation("value", "at most 20",
                "shop_temperature{instance=\"127.0.0.1:" + target.port() + "\",job=\"shop\"} 21.5", false));

        CheckOutcome scalar = checks().run("prometheus", Map.of("server", server, "query", "scalar(shop_temperature) * 2",
                "expect", Map.of("min", 43, "nonEmpty", true)), Map.of());
        assertThat(scalar.observations()).containsExactly(new Observation("series", "at least one", "1: scalar 43", true),
                new Observation("value", "at least 43", "scalar 43", true));
    }

    @Test
    void a_query_prometheus_refuses_fails_with_its_error() {
        CheckOutcome outcome = checks().run("prometheus", Map.of("server", server, "query", "up{"), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.observations()).hasSize(1);
        assertThat(outcome.observations().get(0).what()).isEqualTo("answer");
        assertThat(outcome.observations().get(0).seen()).startsWith("bad_data: ");
    }

    @Test
    void a_loaded_alerting_rule_with_its_labels_passes() {
        CheckOutcome outcome = checks().run("prometheus", Map.of("server", server, "alert", "ShopDown",
                "labels", Map.of("severity", "page")), Map.of());

        assertThat(outcome.verdict()).as(outcome.summary()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.observations()).containsExactly(
                new Observation("alerting rule ShopDown", "loaded", "loaded (severity=page, team=payments)", true),
                new Observation("label severity of ShopDown", "page", "page", true));
    }

    @Test
    void an_alerting_rule_that_is_missing_or_labelled_otherwise_fails() {
        CheckOutcome labelled = checks().run("prometheus", Map.of("server", server, "alert", "ShopDown",
                "labels", Map.of("severity", "ticket", "owner", "shop")), Map.of());
        assertThat(labelled.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(labelled.observations()).contains(
                new Observation("label severity of ShopDown", "ticket", "page", false),
                new Observation("label owner of ShopDown", "shop", "(missing)", false));

        CheckOutcome missing = checks().run("prometheus", Map.of("server", server, "alert", "ShopSlow"), Map.of());
        assertThat(missing.summary()).isEqualTo("failed: alerting rule ShopSlow expected loaded, saw not loaded "
                + "(alerting rules: ShopDown)");

        CheckOutcome recording = checks().run("prometheus", Map.of("server", server, "alert", "shop:requests:rate5m"),
                Map.of());
        assertThat(recording.summary()).isEqualTo("failed: alerting rule shop:requests:rate5m expected loaded, saw not "
                + "loaded; a recording rule has that name (alerting rules: ShopDown)");
    }

    private static CheckKinds checks() {
        return new CheckKinds(new CheckSettings(List.of("127.0.0.1"), false, Duration.ofSeconds(10), 1 << 20,
                Optional.empty(), dir, name -> Optional.empty()));
    }
}
