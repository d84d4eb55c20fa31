package dev.preflight.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.preflight.platform.CacheFolder;
import dev.preflight.platform.PreflightConfig;

/**
 * What the check kinds need from Preflight's configuration.
 *
 * @param allowedHosts      the hosts checks may reach ({@code preflight.checks.allowed-hosts})
 * @param localRepositories whether file:// repositories may be read
 * @param timeout           the limit of one request, handshake or git command
 * @param maxBodyBytes      the most of a response body that is read
 * @param trustStore        a PEM file of CA certificates trusted besides the Java runtime's
 * @param cacheDir          Preflight's cache folder; repositories are fetched under its {@code check-repositories}
 * @param secrets           a secret's value by its name, read only when a check runs
 */
record CheckSettings(List<String> allowedHosts, boolean localRepositories, Duration timeout, int maxBodyBytes,
        Optional<Path> trustStore, Path cacheDir, Function<String, Optional<String>> secrets) {

    static final String SECRET_PREFIX = "preflight.check-secrets.";

    static CheckSettings of(PreflightConfig config) {
        PreflightConfig.Checks checks = config.checks();
        return new CheckSettings(checks.allowedHosts().orElse(List.of()), checks.localRepositories(), checks.timeout(),
                checks.maxBodyBytes(), checks.trustStore().filter(s -> !s.isBlank()).map(Path::of),
                CacheFolder.of(config.cacheDir()), CheckSettings::configuredSecret);
    }

    /** The environment variable that sets a secret. */
    static String secretVariable(String name) {
        return "PREFLIGHT_CHECK_SECRETS_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Settings for reading checks without running them (validation, descriptions): no host is
     * reachable, and secrets are only looked up by name.
     */
    static CheckSettings forReading() {
        return new CheckSettings(List.of(), false, Duration.ofSeconds(1), 1, Optional.empty(), Path.of(""),
                CheckSettings::configuredSecret);
    }

    private static Optional<String> configuredSecret(String name) {
        return ConfigProvider.getConfig().getOptionalValue(SECRET_PREFIX + name, String.class).filter(v -> !v.isEmpty());
    }
}
