package dev.preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.check.CheckOutcome.Verdict;

/**
 * What the kinds say about configurations before anything is asked: problems named by field,
 * descriptions, and checks that cannot be run for want of a service's value or a secret.
 */
class CheckConfigurationTest {

    @TempDir
    static Path cache;

    private final CheckKinds checks = new CheckKinds(new CheckSettings(List.of("*"), false, Duration.ofSeconds(10),
            1 << 20, Optional.empty(), cache, name -> name.equals("API_TOKEN") ? Optional.of("t0ken-value")
                    : Optional.empty()));

    @Test
    void every_kind_is_listed_and_takes_a_configuration_of_its_own() {
        assertThat(checks.keys()).containsExactly("http", "https-redirect", "tls", "security-headers", "health",
                "prometheus", "repository-file");
        Map<String, Map<String, Object>> examples = Map.of(
                "http", Map.of("url", "${service.baseUrl}/health", "status", List.of(200, "204"),
                        "json", Map.of("status", "UP"), "requestHeaders", Map.of("Authorization", "Bearer ${secret.API_TOKEN}")),
                "https-redirect", Map.of("url", "${service.baseUrl}"),
                "tls", Map.of("url", "https://shop.example.com", "minProtocol", "TLSv1.3", "minDaysToExpiry", 30),
                "security-headers", Map.of("url", "${service.baseUrl}", "profile", "ai-assisted-code"),
                "health", Map.of("livenessUrl", "${service.healthUrl}", "readinessUrl", "${service.readinessUrl}",
                        "dependencyDown", Map.of("breakUrl", "https://shop.example.com/test/break",
                                "restoreUrl", "https://shop.example.com/test/restore")),
                "prometheus", Map.of("server", "${service.prometheusUrl}", "alert", "ShopDown",
                        "labels", Map.of("severity", "page")),
                "repository-file", Map.of("repository", "${service.repositoryUrl}", "branch", "release/2.1",
                        "path", "docs/runbook.md", "pattern", "(?i)rollback", "credential", "${secret.API_TOKEN}"));
        examples.forEach((kind, config) -> assertThat(checks.validate(kind, config)).as(kind).isEmpty());
    }

    @Test
    void an_unknown_kind_or_setting_is_named() {
        assertThat(checks.validate("ping", Map.of("url", "https://shop.example.com"))).containsExactly(new CheckProblem(
                "kind", "is not a kind of check (there are: http, https-redirect, tls, security-headers, health, "
                        + "prometheus, repository-file)"));
        assertThat(checks.validate(null, Map.of())).containsExactly(new CheckProblem("kind", "is required"));
        assertThat(checks.validate("tls", Map.of("url", "https://shop.example.com", "colour", "green")))
                .containsExactly(new CheckProblem("colour", "is not a setting of the tls check (it has: url, minProtocol, "
                        + "minDaysToExpiry)"));
        assertThat(checks.validate("prometheus", Map.of("server", "http://prometheus:9090", "query", "up",
                "expect", Map.of("atLeast", 1)))).containsExactly(new CheckProblem("expect.atLeast",
                        "is not a setting of expect (it has: nonEmpty, min, max)"));
    }

    @Test
    void a_bad_url_is_named_unless_a_placeholder_leaves_it_open() {
        assertThat(checks.validate("http", Map.of("url", "shop.example.com/health"))).containsExactly(
                new CheckProblem("url", "must be an http:// or https:// URL"));
        assertThat(checks.validate("tls", Map.of("url", "http://shop.example.com"))).containsExactly(
                new CheckProblem("url", "must be an https:// URL"));
        assertThat(checks.validate("http", Map.of("url", "https://admin:secret@shop.example.com/"))).containsExactly(
                new CheckProblem("url", "must not hold a user name or password"));
        assertThat(checks.validate("repository-file", Map.of("repository", "ftp://example.com/shop.git",
                "path", "README.md"))).containsExactly(new CheckProblem("repository",
                        "must be a file://, https:// or ssh:// URL"));
        assertThat(checks.validate("http", Map.of())).containsExactly(new CheckProblem("url", "is required"));
        assertThat(checks.validate("http", Map.of("url", "${service.baseUrl}/health"))).isEmpty();
    }

    @Test
    void bad_values_are_named_by_their_field() {
        String statusShape = "must be a status (100-599), a range such as \"200-299\", or a list of them";
        assertThat(checks.validate("http", Map.of("url", "https://shop.example.com", "status", "299-200")))
                .containsExactly(new CheckProblem("status", statusShape));
        assertThat(checks.validate("http", Map.of("url", "https://shop.example.com", "status", List.of(200, "2xx"))))
                .containsExactly(new CheckProblem("status", statusShape));
        assertThat(checks.validate("http", Map.of("url", "https://shop.example.com", "method", "FETCH",
                "maxLatencyMs", -5, "followRedirects", "yes", "headers", Map.of("Server", Map.of("matches", "(")))))
                .containsExactlyInAnyOrder(
                        new CheckProblem("method", "must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"),
                        new CheckProblem("maxLatencyMs", "must be between 1 and 3600000"),
                        new CheckProblem("followRedirects", "must be true or false"),
                        new CheckProblem("headers.Server.matches",
                                "is not a regular expression: Unclosed group near position 1"));
        assertThat(checks.validate("security-headers", Map.of("url", "https://shop.example.com", "profile", "strict",
                "headers", Map.of("Strict-Transport-Security", 31536000)))).containsExactly(
                        new CheckProblem("profile", "must be one of launch-checklist, ai-assisted-code"),
                        new CheckProblem("headers.Strict-Transport-Security", "must be a mapping of settings"));
        assertThat(checks.validate("security-headers", Map.of("url", "https://shop.example.com"))).containsExactly(
                new CheckProblem("profile", "is required, unless headers names the headers to check"));
        assertThat(checks.validate("tls", Map.of("url", "https://shop.example.com", "minProtocol", "TLSv1")))
                .containsExactly(new CheckProblem("minProtocol", "must be TLSv1.2 or TLSv1.3 (Java refuses older "
                        + "protocols)"));
        assertThat(checks.validate("prometheus", Map.of("server", "http://prometheus:9090", "query", "up",
                "alert", "ShopDown"))).containsExactly(new CheckProblem("alert",
                        "cannot be given with query: a check asks one of them"));
        assertThat(checks.validate("repository-file", Map.of("repository", "https://git.example.com/shop.git",
                "path", "../etc/passwd", "branch", "--upload-pack=evil"))).containsExactly(
                        new CheckProblem("branch", "must be a branch name, such as main or release/2.1"),
                        new CheckProblem("path", "must be a file's path inside the repository, such as docs/runbook.md"));
        assertThat(checks.validate("health", Map.of("dependencyDown", Map.of("breakUrl", "https://a.example.com/b"))))
                .containsExactly(
                        new CheckProblem("readinessUrl", "is required, unless livenessUrl is given"),
                        new CheckProblem("dependencyDown.restoreUrl", "is required"),
                        new CheckProblem("dependencyDown", "needs readinessUrl, whose answers it watches"));
    }

    @Test
    void placeholders_must_name_what_services_record_and_secrets_that_are_configured() {
        assertThat(checks.validate("http", Map.of("url", "${service.homepage}/health"))).containsExactly(
                new CheckProblem("url", "names ${service.homepage}, which services do not record (they record: baseUrl, "
                        + "healthUrl, readinessUrl, metricsUrl, prometheusUrl, repositoryUrl, slug)"));
        assertThat(checks.validate("http", Map.of("url", "${baseUrl}"))).containsExactly(new CheckProblem("url",
                "holds ${baseUrl}, which is not a placeholder: use ${service.NAME} or ${secret.NAME}"));
        assertThat(checks.validate("http", Map.of("url", "https://shop.example.com",
                "requestHeaders", Map.of("Authorization", "Bearer ${secret.GITHUB_TOKEN}")))).containsExactly(
                        new CheckProblem("requestHeaders.Authorization", "names the secret GITHUB_TOKEN, which is not "
                                + "configured: set PREFLIGHT_CHECK_SECRETS_GITHUB_TOKEN"));
        assertThat(checks.validate("http", Map.of("url", "https://shop.example.com/?key=${secret.API_TOKEN}")))
                .containsExactly(new CheckProblem("url", "may not hold a secret"));
        assertThat(checks.validate("http", Map.of("url", "https://shop.example.com",
                "requestHeaders", Map.of("Host", "other.example.com")))).containsExactly(
                        new CheckProblem("requestHeaders.Host", "is set by Preflight itself"));
    }

    @Test
    void descriptions_say_what_a_check_looks_at() {
        assertThat(checks.describe("security-headers", Map.of("url", "${service.baseUrl}", "profile",
                "launch-checklist"))).isEqualTo("security headers (launch checklist profile) of ${service.baseUrl}");
        assertThat(checks.describe("http", HttpChecksTest.ordered("url", "${service.healthUrl}", "json",
                Map.of("status", "UP")))).isEqualTo("GET ${service.healthUrl} answers with status 200-299 and status = UP");
        assertThat(checks.describe("tls", Map.of("url", "${service.baseUrl}"))).isEqualTo("TLS of ${service.baseUrl}: "
                + "TLSv1.2 or newer, a trusted certificate for the host, valid for at least 14 more days");
        assertThat(checks.describe("https-redirect", Map.of("url", "${service.baseUrl}")))
                .isEqualTo("plain http:// of ${service.baseUrl} redirects to https://");
        assertThat(checks.describe("health", Map.of("readinessUrl", "${service.readinessUrl}")))
                .isEqualTo("readiness at ${service.readinessUrl}");
        assertThat(checks.describe("prometheus", Map.of("server", "${service.prometheusUrl}", "query", "up")))
                .isEqualTo("the query up at the Prometheus at ${service.prometheusUrl} returns at least one series");
        assertThat(checks.describe("repository-file", Map.of("repository", "${service.repositoryUrl}", "path",
                "docs/runbook.md"))).isEqualTo("docs/runbook.md on the default branch of ${service.repositoryUrl}");
        assertThat(checks.describe("http", Map.of("url", 42))).isEqualTo("the http check, whose settings need fixing");
    }

    @Test
    void a_check_without_the_service_s_values_or_with_bad_ones_is_not_run() {
        CheckOutcome noAddress = checks.run("security-headers", Map.of("url", "${service.baseUrl}", "profile",
                "launch-checklist"), Map.of("baseUrl", " "));
        assertThat(noAddress.verdict()).isEqualTo(Verdict.NOT_RUN);
        assertThat(noAddress.summary()).isEqualTo("not run: the service records no base URL");
        assertThat(noAddress.asked()).isEqualTo("security headers (launch checklist profile) of ${service.baseUrl}");

        CheckOutcome two = checks.run("health", Map.of("livenessUrl", "${service.healthUrl}",
                "readinessUrl", "${service.readinessUrl}"), Map.of());
        assertThat(two.summary()).isEqualTo("not run: the service records no health URL and no readiness URL");

        CheckOutcome badAddress = checks.run("http", Map.of("url", "${service.baseUrl}/health"),
                Map.of("baseUrl", "shop.example.com"));
        assertThat(badAddress.summary()).isEqualTo("not run: url must be an http:// or https:// URL (it is "
                + "\"shop.example.com/health\" once filled in)");

        CheckOutcome unknown = checks.run("ping", Map.of(), Map.of());
        assertThat(unknown.summary()).isEqualTo("not run: there is no check of kind \"ping\"");
        CheckOutcome unconfigured = new CheckKinds(new CheckSettings(List.of("*"), false, Duration.ofSeconds(10),
                1 << 20, Optional.empty(), cache, name -> Optional.empty())).run("http", Map.of("url",
                        "https://shop.example.com", "requestHeaders", Map.of("X-Key", "${secret.API_TOKEN}")), Map.of());
        assertThat(unconfigured.summary()).isEqualTo("not run: the secret API_TOKEN is not configured: set "
                + "PREFLIGHT_CHECK_SECRETS_API_TOKEN");
    }

    @Test
    void an_outcome_survives_a_round_trip_through_json() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        CheckOutcome outcome = new CheckOutcome(Verdict.NOT_RUN, "GET https://shop.example.com/",
                List.of(new Observation("service", "its base URL", "the service records no base URL", false)),
                Instant.parse("2026-12-06T10:15:30Z"), 12);

        String written = json.writeValueAsString(outcome);

        assertThat(json.readTree(written).path("verdict").asText()).isEqualTo("not_run");
        assertThat(json.readValue(written, CheckOutcome.class)).isEqualTo(outcome);
        assertThat(new CheckOutcome(Verdict.PASSED, "", List.of(new Observation("status", "200", "200", true)),
                Instant.EPOCH, 1).summary()).isEqualTo("passed: 1 of 1 as expected");
    }
}
