package dev.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import dev.preflight.platform.db.EmbeddedDatabase;

/**
 * What every test application of this JVM shares: the first administrator (a password and an API
 * token made up for this JVM, handed over as PREFLIGHT_ADMIN_PASSWORD and PREFLIGHT_ADMIN_TOKEN would
 * be) and one HTTP port, free when the JVM started (the applications run one after another).
 */
@QuarkusTestResource(TestApplication.class)
public class TestApplication implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = perJvm("dev.preflight.test.admin-password", random(18));
    public static final String ADMIN_TOKEN = perJvm("dev.preflight.test.admin-token", "pf_" + random(32));

    @Override
    public Map<String, String> start() {
        return Map.of("preflight.admin.password", ADMIN_PASSWORD, "preflight.admin.token", ADMIN_TOKEN,
                "quarkus.http.test-port", String.valueOf(httpPort()),
                "quarkus.management.test-port", String.valueOf(managementPort()));
    }

    /**
     * The port every test application listens on. One fixed port rather than a random one per start:
     * the metrics of all starts in a JVM share a registry, and must agree on their tags.
     */
    public static int httpPort() {
        return Integer.parseInt(perJvm("dev.preflight.test.http-port", String.valueOf(freePort())));
    }

    /** The port of every test application's health and metrics (the management interface). */
    public static int managementPort() {
        return Integer.parseInt(perJvm("dev.preflight.test.management-port", String.valueOf(freePort())));
    }

    /** A request to the management interface: health and metrics. */
    public static RequestSpecification management() {
        return RestAssured.given().port(managementPort());
    }

    /**
     * A connection to the embedded database of the running test application as the role that owns
     * the schema (the application's own connections may not change it).
     */
    public static Connection asOwner() throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabase.Options.from(ConfigProvider.getConfig()));
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // nothing was started
    }

    /**
     * One value for the whole JVM: each test profile restarts Preflight in a fresh class loader, so a
     * static field alone would be drawn anew, while the shared database keeps the first admin.
     */
    private static String perJvm(String key, String candidate) {
        return (String) System.getProperties().computeIfAbsent(key, k -> candidate);
    }

    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
