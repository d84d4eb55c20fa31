package dev.preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.preflight.platform.PreflightConfig;

/** The checks' settings, as Preflight's configuration maps them from properties and environment variables. */
class CheckSettingsTest {

    private static final Map<String, String> REQUIRED = Map.of("preflight.data-dir", "/var/lib/preflight",
            "preflight.recovery.tier-1.rto", "1 h", "preflight.recovery.tier-1.rpo", "15 min",
            "preflight.recovery.tier-2.rto", "4 h", "preflight.recovery.tier-2.rpo", "1 h",
            "preflight.recovery.tier-3.rto", "24 h", "preflight.recovery.tier-3.rpo", "24 h");

    @Test
    void defaults_apply_when_nothing_is_set() {
        PreflightConfig.Checks checks = config(Map.of(), Map.of()).checks();

        assertThat(checks.allowedHosts()).isEmpty();
        assertThat(checks.localRepositories()).isFalse();
        assertThat(checks.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(checks.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(checks.trustStore()).isEmpty();
        assertThat(checks.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(checks.everyKind()).isEmpty();
        assertThat(checks.concurrency()).isEqualTo(8);
        assertThat(checks.keepDays()).isEqualTo(30);
        assertThat(checks.poll()).isEqualTo(Duration.ofSeconds(30));
        assertThat(checks.maxBackoff()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void settings_come_from_properties_and_environment_variables() {
        PreflightConfig config = config(Map.of("preflight.checks.allowed-hosts", "*.example.com,status.example.org",
                "preflight.checks.every-kind.tls", "6H", "preflight.checks.every-kind.https-redirect", "1H",
                "preflight.cache-dir", "/var/cache/preflight", "preflight.check-secrets.API_TOKEN", "from-a-file"),
                Map.of("PREFLIGHT_CHECKS_TIMEOUT", "3S", "PREFLIGHT_CHECKS_EVERY_KIND_HEALTH", "5M",
                        "PREFLIGHT_CHECKS_TRUST_STORE", "/etc/preflight/ca.pem"));

        assertThat(config.checks().everyKind()).containsOnly(Map.entry("tls", Duration.ofHours(6)),
                Map.entry("https-redirect", Duration.ofHours(1)), Map.entry("health", Duration.ofMinutes(5)));
        CheckSettings settings = CheckSettings.of(config);
        assertThat(settings.allowedHosts()).containsExactly("*.example.com", "status.example.org");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.trustStore()).contains(Path.of("/etc/preflight/ca.pem"));
        assertThat(settings.cacheDir()).isEqualTo(Path.of("/var/cache/preflight"));
    }

    @Test
    void a_kind_whose_key_has_a_dash_cannot_be_timed_from_an_environment_variable() {
        PreflightConfig config = config(Map.of(), Map.of("PREFLIGHT_CHECKS_EVERY_KIND_HTTPS_REDIRECT", "1H"));

        assertThat(config.checks().everyKind()).doesNotContainKey("https-redirect");
    }

    @Test
    void a_secret_is_read_by_its_name_from_the_environment_or_a_properties_file() {
        SmallRyeConfig config = builder(Map.of("preflight.check-secrets.API_TOKEN", "from-a-file"),
                Map.of("PREFLIGHT_CHECK_SECRETS_GITHUB_TOKEN", "from-the-environment")).build();

        assertThat(config.getConfigMapping(PreflightConfig.class).checkSecrets()).as("a known setting, not an unknown "
                + "one that stops the start").containsKey("API_TOKEN");
        assertThat(config.getOptionalValue(CheckSettings.SECRET_PREFIX + "GITHUB_TOKEN", String.class))
                .contains("from-the-environment");
        assertThat(config.getOptionalValue(CheckSettings.SECRET_PREFIX + "API_TOKEN", String.class))
                .contains("from-a-file");
        assertThat(CheckSettings.secretVariable("github_token")).isEqualTo("PREFLIGHT_CHECK_SECRETS_GITHUB_TOKEN");
    }

    private static PreflightConfig config(Map<String, String> properties, Map<String, String> environment) {
        return builder(properties, environment).build().getConfigMapping(PreflightConfig.class);
    }

    private static SmallRyeConfigBuilder builder(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(REQUIRED);
        all.putAll(properties);
        return new SmallRyeConfigBuilder().withMapping(PreflightConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300));
    }
}
