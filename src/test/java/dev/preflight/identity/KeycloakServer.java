package dev.preflight.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.preflight.TestApplication;

/**
 * A real Keycloak (the server distribution from Maven Central) with the realm file that
 * docker-compose uses, for the OpenID Connect tests. Keycloak needs Java 21 or newer: it is looked
 * for in {@code KEYCLOAK_JAVA_HOME}, then under {@code /usr/lib/jvm}. Without one, the tests that
 * use this server are skipped (see {@link #unavailableReason()}).
 * <p>
 * Preflight runs on a database of its own here: its first administrator, created in OpenID Connect
 * mode, has no password, which the tests in local mode would trip over.
 * <p>
 * What the tests need to know (URLs, secrets, the test user's password) is passed through system
 * properties, because the test and this resource live in different class loaders.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    static final String URL = "dev.preflight.test.keycloak.url";
    static final String APP_URL = "dev.preflight.test.keycloak.app-url";
    static final String CI_SECRET = "dev.preflight.test.keycloak.ci-secret";
    static final String USER = "alice";
    static final String USER_PASSWORD = "dev.preflight.test.keycloak.user-password";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process process;

    /** Why the Keycloak tests cannot run here, or empty when they can. */
    public static Optional<String> unavailableReason() {
        if (javaHome().isEmpty()) {
            return Optional.of("Keycloak needs Java 21 or newer: set KEYCLOAK_JAVA_HOME or install a JDK 21+ under "
                    + "/usr/lib/jvm");
        }
        if (!Files.exists(distribution())) {
            return Optional.of("The Keycloak distribution " + distribution() + " is missing; run the tests through Maven ("
                    + "./mvnw verify), which fetches it");
        }
        return Optional.empty();
    }

    public static boolean available() {
        return unavailableReason().isEmpty();
    }

    @Override
    public Map<String, String> start() {
        try {
            Path home = unpack();
            int port = freePort();
            int appPort = TestApplication.httpPort();
            String webSecret = random();
            String ciSecret = random();
            String adminPassword = random();
            Path importDir = home.resolve("data/import");
            deleteTree(home.resolve("data/h2"));
            Files.createDirectories(importDir);
            Files.copy(Path.of("src/main/docker/keycloak/preflight-realm.json"),
                    importDir.resolve("preflight-realm.json"), StandardCopyOption.REPLACE_EXISTING);

            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm",
                    "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome().orElseThrow().toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("PREFLIGHT_URL", "http://localhost:" + appPort);
            env.put("PREFLIGHT_WEB_CLIENT_SECRET", webSecret);
            env.put("PREFLIGHT_CI_CLIENT_SECRET", ciSecret);
            process = builder.start();

            String url = "http://localhost:" + port;
            awaitReady(url, home.resolve("keycloak.log"));
            String userPassword = random();
            createUser(url, adminPassword, userPassword);

            System.setProperty(URL, url);
            System.setProperty(APP_URL, "http://localhost:" + appPort);
            System.setProperty(CI_SECRET, ciSecret);
            System.setProperty(USER_PASSWORD, userPassword);
            return Map.of(
                    "preflight.database.ephemeral", "false",
                    "preflight.data-dir", home.resolveSibling("preflight-data-" + ProcessHandle.current().pid()).toString(),
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", url + "/realms/preflight",
                    "quarkus.oidc.client-id", "preflight-web",
                    "quarkus.oidc.credentials.secret", webSecret,
                    "preflight.auth.oidc.teams-claim", "teams");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A person in the realm: approver by realm role, member of the payments group. */
    private static void createUser(String url, String adminPassword, String password)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String adminToken = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + adminPassword))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        String user = JSON.writeValueAsString(Map.of("username", USER, "enabled", true, "firstName", "Alice",
                "lastName", "Approver", "email", "alice@example.com", "emailVerified", true,
                "groups", List.of("/payments"),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        HttpResponse<String> created = http.send(admin(url + "/admin/realms/preflight/users", adminToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the test user: " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonNode role = JSON.readTree(http.send(admin(url + "/admin/realms/preflight/roles/preflight-approver",
                adminToken).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        http.send(admin(location + "/role-mappings/realm", adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest.Builder admin(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private void awaitReady(String url, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(url + "/realms/preflight/.well-known/openid-configuration");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        process.destroy();
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static Path unpack() throws IOException {
        Path target = distribution().getParent().resolve("dist");
        Path marker = target.resolve(".unpacked");
        if (!Files.exists(marker)) {
            deleteTree(target);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distribution()))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("Unexpected entry in the Keycloak archive: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(marker, "");
        }
        try (Stream<Path> children = Files.list(target)) {
            Path home = children.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IOException("No keycloak-* folder in " + target));
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
            return home;
        }
    }

    private static Path distribution() {
        return Path.of(System.getProperty("keycloak.distribution", "target/keycloak/keycloak.zip"));
    }

    /** A JDK of version 21 or newer for Keycloak. */
    private static Optional<Path> javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(KeycloakServer::isJava21OrNewer);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(KeycloakServer::isJava21OrNewer).max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isJava21OrNewer(Path home) {
        Path release = home.resolve("release");
        if (!Files.exists(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(release)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String version = text.replaceAll("(?s).*JAVA_VERSION=\"([0-9]+).*", "$1");
            return version.matches("[0-9]+") && Integer.parseInt(version) >= 21;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
