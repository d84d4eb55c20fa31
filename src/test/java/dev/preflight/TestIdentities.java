package dev.preflight;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The first administrator of every test application: a password and an API token made up for this
 * JVM, handed to Preflight as PREFLIGHT_ADMIN_PASSWORD and PREFLIGHT_ADMIN_TOKEN would be.
 */
@QuarkusTestResource(TestIdentities.class)
public class TestIdentities implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = perJvm("dev.preflight.test.admin-password", random(18));
    public static final String ADMIN_TOKEN = perJvm("dev.preflight.test.admin-token", "pf_" + random(32));

    @Override
    public Map<String, String> start() {
        return Map.of("preflight.admin.password", ADMIN_PASSWORD, "preflight.admin.token", ADMIN_TOKEN);
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

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
