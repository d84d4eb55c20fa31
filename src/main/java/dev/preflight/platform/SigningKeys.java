package dev.preflight.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * HMAC-SHA256 signatures under keys kept in the database, one per purpose and shared by every
 * instance. The keys are read (or, on the very first start, created) at start-up, so signing never
 * waits for the database.
 */
@ApplicationScoped
public class SigningKeys {

    /** What a signature is for; each purpose has a key of its own. */
    public enum Purpose {
        /** Tokens that tie forms to a browser session. */
        CSRF("csrf-key"),
        /** Addresses that let a README show a service's readiness badge without signing in. */
        BADGE("badge-key");

        private final String setting;

        Purpose(String setting) {
            this.setting = setting;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppSettings settings;
    /** A MAC per purpose and thread: made once, reused for every signature (doFinal resets it). */
    private volatile Map<Purpose, ThreadLocal<Mac>> macs = Map.of();

    public SigningKeys(AppSettings settings) {
        this.settings = settings;
    }

    /** The signature of the message, URL-safe Base64 without padding. */
    public String sign(Purpose purpose, String message) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(macs.get(purpose).get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    void load(@Observes StartupEvent event) {
        Map<Purpose, ThreadLocal<Mac>> loaded = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            byte[] secret = Base64.getUrlDecoder().decode(settings.getOrCreate(purpose.setting, SigningKeys::newKey));
            SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
            loaded.put(purpose, ThreadLocal.withInitial(() -> mac(key)));
        }
        macs = loaded;
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
