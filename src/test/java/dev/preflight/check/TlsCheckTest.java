package dev.preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.preflight.check.CheckOutcome.Verdict;

/**
 * The tls check against https servers with certificates of the test's own authority, trusted
 * through the trust store setting: valid, soon expiring, expired, issued for another host, and
 * servers speaking only old or only some TLS versions.
 */
class TlsCheckTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static TestSite valid;
    private static TestSite expiring;
    private static TestSite expired;
    private static TestSite otherHost;
    private static TestSite tls1Only;
    private static TestSite tls12Only;

    @BeforeAll
    static void start() throws Exception {
        certificates = new TestCertificates(dir);
        Instant now = Instant.now();
        valid = TestSite.secure(certificates.server("localhost", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)))).answer("/", 200, Map.of(), "secure");
        expiring = TestSite.secure(certificates.server("localhost", now.minus(Duration.ofDays(80)),
                now.plus(Duration.ofDays(10)).plus(Duration.ofHours(1))));
        expired = TestSite.secure(certificates.server("localhost", now.minus(Duration.ofDays(100)),
                now.minus(Duration.ofDays(3)).minus(Duration.ofHours(1))));
        otherHost = TestSite.secure(certificates.server("other.test", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90))));
        SSLContext good = certificates.server("localhost", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        tls1Only = TestSite.secure(good, "TLSv1");
        tls12Only = TestSite.secure(good, "TLSv1.2");
    }

    @AfterAll
    static void stop() {
        for (TestSite site : new TestSite[] { valid, expiring, expired, otherHost, tls1Only, tls12Only }) {
            if (site != null) {
                site.close();
            }
        }
    }

    @Test
    void a_trusted_certificate_for_the_host_with_time_left_passes() {
        CheckOutcome outcome = checks(true, "localhost").run("tls", Map.of("url", "${service.baseUrl}"),
                Map.of("baseUrl", valid.urlByName("/")));

        assertThat(outcome.verdict()).as(outcome.summary()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.asked()).isEqualTo("TLS handshake with localhost:" + valid.port());
        assertThat(outcome.observations()).extracting(Observation::what).containsExactly("protocol",
                "certificate chain", "certificate name", "days to expiry");
        assertThat(outcome.observations().get(0)).isEqualTo(new Observation("protocol", "TLSv1.2 or newer", "TLSv1.3",
                true));
        assertThat(outcome.observations().get(1).seen()).isEqualTo("trusted: CN=localhost, issued by CN=Preflight Test CA");
        assertThat(outcome.observations().get(2).seen()).isEqualTo("issued for localhost");
        assertThat(outcome.observations().get(3).expected()).isEqualTo("at least 14 days");
        assertThat(outcome.observations().get(3).seen()).matches("(89|90) days \\(until \\d{4}-\\d{2}-\\d{2}\\)");
    }

    @Test
    void a_certificate_expiring_within_the_threshold_fails_with_the_days_left() {
        CheckOutcome outcome = checks(true, "localhost").run("tls", Map.of("url", expiring.urlByName("/")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.summary()).matches("failed: days to expiry expected at least 14 days, saw 10 days \\(until "
                + "\\d{4}-\\d{2}-\\d{2}\\)");

        CheckOutcome lenient = checks(true, "localhost").run("tls", Map.of("url", expiring.urlByName("/"),
                "minDaysToExpiry", 7), Map.of());
        assertThat(lenient.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void an_expired_certificate_fails_as_untrusted_and_expired() {
        CheckOutcome outcome = checks(true, "localhost").run("tls", Map.of("url", expired.urlByName("/")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.observations()).contains(new Observation("certificate chain", "trusted",
                "not trusted (the certificate has expired): CN=localhost, issued by CN=Preflight Test CA", false));
        assertThat(outcome.observations().get(outcome.observations().size() - 1).seen())
                .matches("expired 3 days ago \\(on \\d{4}-\\d{2}-\\d{2}\\)");
    }

    @Test
    void a_certificate_for_another_host_fails_naming_both() {
        CheckOutcome outcome = checks(true, "localhost").run("tls", Map.of("url", otherHost.urlByName("/")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.summary()).isEqualTo("failed: certificate name expected issued for localhost, saw issued for "
                + "other.test, not localhost");
    }

    @Test
    void a_certificate_of_an_authority_not_in_the_trust_store_fails() {
        CheckOutcome outcome = checks(false, "localhost").run("tls", Map.of("url", valid.urlByName("/")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.summary()).isEqualTo("failed: certificate chain expected trusted, saw not trusted (the "
                + "certificate has no valid chain to a trusted authority): CN=localhost, issued by CN=Preflight Test CA");
    }

    /**
     * Java disables TLSv1 and TLSv1.1 (jdk.tls.disabledAlgorithms), on the test's server as in the
     * check: a server offering only TLSv1 cannot complete a handshake, which fails the check.
     */
    @Test
    void a_server_speaking_only_tls_1_0_fails_at_the_handshake() {
        CheckOutcome outcome = checks(true, "localhost").run("tls", Map.of("url", tls1Only.urlByName("/")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.observations()).hasSize(1);
        Observation handshake = outcome.observations().get(0);
        assertThat(handshake.what()).isEqualTo("handshake");
        assertThat(handshake.expected()).isEqualTo("a TLS handshake (TLSv1.2 or newer) within 10 s");
        assertThat(handshake.seen()).startsWith("TLS handshake failed: ");
    }

    @Test
    void a_server_without_the_minimum_protocol_fails_naming_the_one_it_speaks() {
        CheckOutcome outcome = checks(true, "localhost").run("tls", Map.of("url", tls12Only.urlByName("/"),
                "minProtocol", "TLSv1.3"), Map.of());

        assertThat(outcome.summary()).isEqualTo("failed: protocol expected TLSv1.3 or newer, saw TLSv1.2");
        CheckOutcome defaults = checks(true, "localhost").run("tls", Map.of("url", tls12Only.urlByName("/")), Map.of());
        assertThat(defaults.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void a_host_off_the_allow_list_is_not_connected_to() {
        CheckOutcome outcome = checks(true, "127.0.0.1").run("tls", Map.of("url", valid.urlByName("/")), Map.of());

        assertThat(outcome.observations()).containsExactly(new Observation("address", "a host allowed for checks",
                "localhost is not on a host allowed for checks (127.0.0.1)", false));
    }

    @Test
    void http_checks_trust_the_trust_store_and_refuse_a_bad_certificate() {
        CheckOutcome trusted = checks(true, "localhost").run("http", Map.of("url", valid.urlByName("/"),
                "bodyContains", "secure"), Map.of());
        assertThat(trusted.verdict()).as(trusted.summary()).isEqualTo(Verdict.PASSED);

        CheckOutcome misnamed = checks(true, "localhost").run("http", Map.of("url", otherHost.urlByName("/")), Map.of());
        assertThat(misnamed.summary()).isEqualTo("failed: connection expected an answer within 10 s, saw TLS handshake "
                + "failed: the certificate is not issued for this host");

        CheckOutcome unknown = checks(false, "localhost").run("http", Map.of("url", valid.urlByName("/")), Map.of());
        assertThat(unknown.summary()).endsWith("saw TLS handshake failed: the certificate has no valid chain to a "
                + "trusted authority");
    }

    @Test
    void an_unreadable_trust_store_leaves_the_check_not_run() {
        CheckKinds checks = new CheckKinds(new CheckSettings(List.of("localhost"), false, Duration.ofSeconds(10),
                1 << 20, Optional.of(dir.resolve("missing.pem")), dir, name -> Optional.empty()));
        CheckOutcome outcome = checks.run("tls", Map.of("url", valid.urlByName("/")), Map.of());

        assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_RUN);
        assertThat(outcome.summary()).startsWith("not run: " + dir.resolve("missing.pem") + " cannot be read");
    }

    private static CheckKinds checks(boolean trustTheTestAuthority, String... allowed) {
        return new CheckKinds(new CheckSettings(List.of(allowed), false, Duration.ofSeconds(10), 1 << 20,
                trustTheTestAuthority ? Optional.of(certificates.authority()) : Optional.empty(), dir,
                name -> Optional.empty()));
    }
}
