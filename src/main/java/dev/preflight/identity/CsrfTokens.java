package dev.preflight.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import dev.preflight.platform.AppSettings;

/**
 * Tokens that cookie-authenticated forms and htmx requests must carry: an HMAC of the user and
 * their session under a key kept in the database (one key for all instances). Another site can
 * make a browser send the cookie, but cannot read a page to learn the token.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final AppSettings settings;
    private volatile SecretKeySpec key;

    public CsrfTokens(AppSettings settings) {
        this.settings = settings;
    }

    public String tokenFor(Caller caller) {
        return sign("csrf|" + caller.userId() + "|" + caller.sessionKey());
    }

    public boolean isValid(Caller caller, String presented) {
        return Secrets.same(tokenFor(caller), presented);
    }

    /** A token for a form shown before sign-in, bound to a random value in a cookie of its own. */
    public String signInToken(String cookieValue) {
        return sign("sign-in|" + cookieValue);
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Loads (or, on the very first start, creates) the key before any request needs it. */
    void load(@Observes StartupEvent event) {
        byte[] secret = Base64.getUrlDecoder().decode(settings.getOrCreate("csrf-key", Secrets::random));
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    private SecretKeySpec key() {
        return key;
    }
}
