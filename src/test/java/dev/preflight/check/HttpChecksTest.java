package dev.preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.check.CheckOutcome.Verdict;

/** The http, https-redirect, security-headers and health checks against a web server of the test's own. */
class HttpChecksTest {

    private static final String SECRET = "pf-Zq9-7c1e5b2a-distinctive-token"; // secret-scan: made up, to find in answers
    private static final Map<String, String> LAUNCH_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Content-Security-Policy", "default-src 'self'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy", "geolocation=(), microphone=()");

    @TempDir
    static Path cache;

    private static TestSite site;
    private static final CountDownLatch CLOSING = new CountDownLatch(1);
    private static final AtomicBoolean BROKEN = new AtomicBoolean();

    @BeforeAll
    static void start() {
        site = TestSite.plain()
                .answer("/", 200, Map.of("Content-Type", "text/html"), "<h1>Shop</h1>")
                .answer("/health", 200, Map.of("Content-Type", "application/json"),
                        "{\"status\": \"UP\", \"checks\": {\"db\": \"UP\", \"queue\": 3}}")
                .answer("/health-down", 503, Map.of("Content-Type", "application/json"),
                        "{\"status\": \"DOWN\", \"checks\": {\"db\": \"DOWN\"}}")
                .answer("/secure", 200, LAUNCH_HEADERS, "")
                .answer("/bare", 200, Map.of("X-Frame-Options", "SAMEORIGIN"), "")
                .redirect("/hop", 302, "/final")
                .answer("/final", 200, Map.of(), "arrived")
                .redirect("/loop", 302, "/loop")
                .large("/large", 10L * 1024 * 1024)
                .handle("/slow", exchange -> {
                    try {
                        CLOSING.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .handle("/late", exchange -> {
                    try {
                        CLOSING.await(300, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(200, -1);
                })
                .handle("/echo", exchange -> {
                    byte[] body = ("{\"auth\": \"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}")
                            .getBytes();
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                })
                .answer("/live", 200, Map.of(), "")
                .answer("/dead", 500, Map.of(), "")
                .handle("/ready", exchange -> exchange.sendResponseHeaders(BROKEN.get() ? 503 : 200, -1))
                .handle("/break", exchange -> {
                    BROKEN.set(true);
                    exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 204 : 405, -1);
                })
                .handle("/restore", exchange -> {
                    BROKEN.set(false);
                    exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 204 : 405, -1);
                })
                .answer("/break-nothing", 204, Map.of(), "")
                .redirect("/shop", 301, "https://127.0.0.1/shop")
                .redirect("/shop-elsewhere", 302, "https://shop.example.net/shop")
                .redirect("/shop-plain", 302, "http://127.0.0.1/shop");
    }

    @AfterAll
    static void stop() {
        CLOSING.countDown();
        site.close();
    }

    @Test
    void an_answer_as_expected_passes_with_each_expectation_seen() {
        CheckOutcome outcome = checks("127.0.0.1").run("http", Map.of("url", "${service.baseUrl}/health",
                "status", List.of(200, 204), "headers", Map.of("Content-Type", Map.of("matches", "json")),
                "bodyContains", "UP", "json", ordered("status", "UP", "checks.db", "UP", "checks.queue", 3),
                "maxLatencyMs", 60_000), Map.of("baseUrl", site.url("")));

        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.summary()).isEqualTo("passed: 7 of 7 as expected");
        assertThat(outcome.asked()).isEqualTo("GET " + site.url("/health") + " (redirects not followed)");
        assertThat(outcome.observations()).extracting(Observation::what).containsExactly("status", "Content-Type",
                "body", "JSON status", "JSON checks.db", "JSON checks.queue", "time to answer");
        assertThat(outcome.observations().get(0)).isEqualTo(new Observation("status", "200 or 204", "200", true));
    }

    @Test
    void an_answer_not_as_expected_fails_showing_what_was_expected_and_seen() {
        CheckOutcome outcome = checks("127.0.0.1").run("http", Map.of("url", site.url("/health-down"),
                "status", "200-299", "headers", Map.of("Cache-Control", Map.of("present", true)),
                "bodyContains", "\"UP\"", "json", ordered("checks.db", "UP", "checks.cache", "UP")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.summary()).isEqualTo("failed: status expected 200-299, saw 503 (and 4 more)");
        assertThat(outcome.observations()).containsExactly(
                new Observation("status", "200-299", "503", false),
                new Observation("Cache-Control", "present", "(missing)", false),
                new Observation("body", "containing \"\"UP\"\"", "does not contain it (44 bytes)", false),
                new Observation("JSON checks.db", "UP", "DOWN", false),
                new Observation("JSON checks.cache", "UP", "(missing)", false));
    }

    @Test
    void a_slow_answer_fails_on_time_and_one_that_never_comes_on_the_time_limit() {
        CheckOutcome late = checks("127.0.0.1").run("http", Map.of("url", site.url("/late"), "maxLatencyMs", 50),
                Map.of());
        assertThat(late.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(late.observations().get(1).what()).isEqualTo("time to answer");
        assertThat(late.observations().get(1).expected()).isEqualTo("at most 50 ms");

        CheckKinds impatient = new CheckKinds(new CheckSettings(List.of("127.0.0.1"), false, Duration.ofSeconds(1),
                1 << 20, Optional.empty(), cache, name -> Optional.empty()));
        CheckOutcome never = impatient.run("http", Map.of("url", site.url("/slow")), Map.of());
        assertThat(never.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(never.observations()).containsExactly(
                new Observation("connection", "an answer within 1 s", "no answer within 1 s", false));
    }

    @Test
    void a_refused_connection_fails_saying_so() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CheckOutcome outcome = checks("127.0.0.1").run("http", Map.of("url", "http://127.0.0.1:" + closed + "/"),
                Map.of());
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.summary()).isEqualTo("failed: connection expected an answer within 10 s, saw connection "
                + "refused");
    }

    @Test
    void a_host_off_the_allow_list_is_not_asked() {
        CheckOutcome outcome = checks("127.0.0.1").run("http", Map.of("url", site.urlByName("/not-asked")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.observations()).containsExactly(new Observation("address", "a host allowed for checks",
                site.urlByName("/not-asked") + " is not on a host allowed for checks (127.0.0.1)", false));
        assertThat(site.requests("/not-asked")).isEmpty();

        CheckOutcome none = checks().run("http", Map.of("url", site.url("/not-asked")), Map.of());
        assertThat(none.observations().get(0).seen()).endsWith("cannot be used: no host is allowed for checks yet "
                + "(an administrator sets PREFLIGHT_CHECKS_ALLOWED_HOSTS)");
        assertThat(site.requests("/not-asked")).isEmpty();
    }

    @Test
    void redirects_are_followed_only_when_asked_and_only_to_allowed_hosts() {
        CheckOutcome kept = checks("127.0.0.1").run("http", Map.of("url", site.url("/hop"), "status", 302), Map.of());
        assertThat(kept.verdict()).isEqualTo(Verdict.PASSED);

        CheckOutcome followed = checks("127.0.0.1").run("http", Map.of("url", site.url("/hop"), "followRedirects", true,
                "bodyContains", "arrived"), Map.of());
        assertThat(followed.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(followed.asked()).endsWith("(redirects followed, up to 5)");
        assertThat(followed.observations().get(0)).isEqualTo(new Observation("redirects", "at most 5",
                "1, the last to " + site.url("/final"), true));

        CheckOutcome looping = checks("127.0.0.1").run("http", Map.of("url", site.url("/loop"), "followRedirects", true),
                Map.of());
        assertThat(looping.summary()).isEqualTo("failed: redirects expected at most 5, saw more than 5, the last to "
                + site.url("/loop"));
    }

    @Test
    void a_redirect_to_loopback_is_refused_unless_loopback_is_listed_by_its_own_name() {
        String toLoopback = "/to-loopback-" + System.nanoTime();
        String target = "/target-" + System.nanoTime();
        site.redirect(toLoopback, 302, site.urlByName(target)).answer(target, 200, Map.of(), "inside");

        CheckOutcome byName = checks("127.0.0.1").run("http", Map.of("url", site.url(toLoopback), "followRedirects",
                true), Map.of());
        assertThat(byName.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(byName.observations()).containsExactly(new Observation("redirect", "to a host allowed for checks",
                site.urlByName(target) + " is not on a host allowed for checks (127.0.0.1)", false));

        CheckOutcome anyPublic = checks("127.0.0.1", "*").run("http", Map.of("url", site.url(toLoopback),
                "followRedirects", true), Map.of());
        assertThat(anyPublic.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(anyPublic.observations().get(0).seen()).isEqualTo(site.urlByName(target)
                + " points at an internal address (127.0.0.1, loopback); only hosts listed by their own name may");
        assertThat(site.requests(target)).as("the refused target was never asked").isEmpty();
    }

    @Test
    void a_body_larger_than_the_limit_is_not_read_and_fails() {
        long start = System.nanoTime();
        CheckOutcome outcome = checks("127.0.0.1").run("http", Map.of("url", site.url("/large"), "bodyContains", "y"),
                Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.observations()).contains(new Observation("body", "at most 1 MiB",
                "larger than 1 MiB, not read further", false));
        assertThat(outcome.summary()).isEqualTo("failed: body expected at most 1 MiB, saw larger than 1 MiB, not read "
                + "further");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void a_secret_header_is_sent_but_never_shown() throws Exception {
        CheckKinds checks = new CheckKinds(new CheckSettings(List.of("127.0.0.1", "localhost"), false,
                Duration.ofSeconds(10), 1 << 20, Optional.empty(), cache,
                name -> name.equals("API_TOKEN") ? Optional.of(SECRET) : Optional.empty()));
        CheckOutcome outcome = checks.run("http", Map.of("url", site.url("/echo"), "requestHeaders",
                Map.of("Authorization", "Bearer ${secret.API_TOKEN}"), "json", Map.of("auth", "something else")),
                Map.of());

        assertThat(site.requests("/echo")).last().extracting(r -> r.headers().get("authorization"))
                .isEqualTo("Bearer " + SECRET);
        assertThat(outcome.asked()).isEqualTo("GET " + site.url("/echo") + " with Authorization: Bearer (secret API_TOKEN)"
                + " (redirects not followed)");
        assertThat(outcome.observations()).contains(new Observation("JSON auth", "something else",
                "Bearer (secret API_TOKEN)", false));
        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(outcome);
        assertThat(json).doesNotContain(SECRET).contains("(secret API_TOKEN)");

        String elsewhere = "/to-other-origin-" + System.nanoTime();
        String landing = "/landing-" + System.nanoTime();
        site.redirect(elsewhere, 307, site.urlByName(landing)).answer(landing, 200, Map.of(), "");
        CheckOutcome redirected = checks.run("http", Map.of("url", site.url(elsewhere), "followRedirects", true,
                "requestHeaders", Map.of("Authorization", "${secret.API_TOKEN}")), Map.of());
        assertThat(redirected.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(site.requests(elsewhere)).last().extracting(r -> r.headers().get("authorization")).isEqualTo(SECRET);
        assertThat(site.requests(landing)).last().extracting(r -> r.headers().get("authorization"))
                .as("a redirect to another origin does not carry the secret").isNull();
    }

    @Test
    void https_redirect_passes_on_a_redirect_to_https_on_the_same_host() {
        CheckOutcome byPlainUrl = checks("127.0.0.1").run("https-redirect", Map.of("url", site.url("/shop")), Map.of());
        assertThat(byPlainUrl.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(byPlainUrl.asked()).isEqualTo("GET " + site.url("/shop") + " (redirects not followed)");
        assertThat(byPlainUrl.observations()).containsExactly(new Observation("status", "301, 302, 307 or 308", "301",
                true), new Observation("Location", "an https:// address on 127.0.0.1", "https://127.0.0.1/shop", true));

        CheckOutcome byServiceAddress = checks("127.0.0.1").run("https-redirect", Map.of("url",
                "${service.baseUrl}/shop", "httpPort", site.port()), Map.of("baseUrl", "https://127.0.0.1"));
        assertThat(byServiceAddress.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(byServiceAddress.asked()).startsWith("GET " + site.url("/shop"));
    }

    @Test
    void https_redirect_fails_on_an_answer_a_redirect_elsewhere_or_to_plain_http() {
        CheckOutcome answered = checks("127.0.0.1").run("https-redirect", Map.of("url", site.url("/")), Map.of());
        assertThat(answered.observations()).containsExactly(
                new Observation("status", "301, 302, 307 or 308", "200", false),
                new Observation("Location", "an https:// address on 127.0.0.1", "(missing)", false));

        CheckOutcome elsewhere = checks("127.0.0.1").run("https-redirect", Map.of("url", site.url("/shop-elsewhere")),
                Map.of());
        assertThat(elsewhere.summary()).isEqualTo("failed: Location expected an https:// address on 127.0.0.1, saw "
                + "https://shop.example.net/shop");
        CheckOutcome plain = checks("127.0.0.1").run("https-redirect", Map.of("url", site.url("/shop-plain")), Map.of());
        assertThat(plain.summary()).isEqualTo("failed: Location expected an https:// address on 127.0.0.1, saw "
                + "http://127.0.0.1/shop");
    }

    @Test
    void security_headers_pass_when_the_profile_s_values_are_sent() {
        CheckOutcome outcome = checks("127.0.0.1").run("security-headers", Map.of("url", site.url("/secure"),
                "profile", "launch-checklist"), Map.of());

        assertThat(outcome.summary()).isEqualTo("passed: 6 of 6 as expected");
        assertThat(outcome.observations()).extracting(Observation::what).containsExactly("Strict-Transport-Security",
                "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                "Permissions-Policy");
    }

    @Test
    void security_headers_fail_on_a_missing_header_or_another_profile_s_value() {
        CheckOutcome bare = checks("127.0.0.1").run("security-headers", Map.of("url", site.url("/bare"),
                "profile", "launch-checklist"), Map.of());
        assertThat(bare.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(bare.summary()).isEqualTo("failed: Strict-Transport-Security expected max-age=31536000; "
                + "includeSubDomains, saw (missing) (and 5 more)");
        assertThat(bare.observations()).contains(new Observation("X-Frame-Options", "DENY", "SAMEORIGIN", false));

        CheckOutcome ai = checks("127.0.0.1").run("security-headers", Map.of("url", site.url("/secure"),
                "profile", "ai-assisted-code"), Map.of());
        assertThat(ai.observations()).contains(
                new Observation("Strict-Transport-Security", "max-age=63072000", "max-age=31536000; includeSubDomains",
                        false),
                new Observation("X-XSS-Protection", "1; mode=block", "(missing)", false),
                new Observation("X-Frame-Options", "DENY", "DENY", true));
    }

    @Test
    void security_headers_named_in_the_configuration_replace_the_profile_s() {
        CheckOutcome outcome = checks("127.0.0.1").run("security-headers", Map.of("url", site.url("/bare"),
                "headers", Map.of("X-Frame-Options", "sameorigin", "Server", Map.of("present", false))), Map.of());
        assertThat(outcome.summary()).isEqualTo("passed: 2 of 2 as expected");

        CheckOutcome mixed = checks("127.0.0.1").run("security-headers", Map.of("url", site.url("/secure"),
                "profile", "launch-checklist", "headers", Map.of("X-Frame-Options", "SAMEORIGIN")), Map.of());
        assertThat(mixed.summary()).isEqualTo("failed: X-Frame-Options expected SAMEORIGIN, saw DENY");
    }

    @Test
    void health_passes_when_readiness_follows_the_dependency_down_and_back() {
        CheckOutcome outcome = checks("127.0.0.1").run("health", Map.of("livenessUrl", site.url("/live"),
                "readinessUrl", site.url("/ready"), "dependencyDown", Map.of("breakUrl", site.url("/break"),
                        "restoreUrl", site.url("/restore"))), Map.of());

        assertThat(outcome.summary()).isEqualTo("passed: 6 of 6 as expected");
        assertThat(outcome.observations()).containsExactly(
                new Observation("liveness", "200", "200", true),
                new Observation("readiness", "200", "200", true),
                new Observation("dependency taken down", "200-299", "204", true),
                new Observation("readiness with the dependency down", "503", "503", true),
                new Observation("dependency restored", "200-299", "204", true),
                new Observation("readiness after the restore", "200", "200", true));
        assertThat(BROKEN).isFalse();
    }

    @Test
    void health_fails_when_liveness_fails_or_readiness_ignores_the_dependency() {
        CheckOutcome dead = checks("127.0.0.1").run("health", Map.of("livenessUrl", site.url("/dead")), Map.of());
        assertThat(dead.summary()).isEqualTo("failed: liveness expected 200, saw 500");

        CheckOutcome blind = checks("127.0.0.1").run("health", Map.of("readinessUrl", site.url("/live"),
                "dependencyDown", Map.of("breakUrl", site.url("/break-nothing"), "restoreUrl",
                        site.url("/break-nothing"))), Map.of());
        assertThat(blind.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(blind.observations()).contains(new Observation("readiness with the dependency down", "503", "200",
                false));
    }

    /** A mapping in the order given, as a configuration read from JSON or YAML keeps it. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static CheckKinds checks(String... allowed) {
        return new CheckKinds(new CheckSettings(List.of(allowed), false, Duration.ofSeconds(10), 1 << 20,
                Optional.empty(), cache, name -> Optional.empty()));
    }
}
