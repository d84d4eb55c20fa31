package dev.preflight.identity;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.platform.SigningKeys;

/**
 * Tokens that cookie-authenticated forms and htmx requests must carry: an HMAC of the user and
 * their session under a key kept in the database (one key for all instances, see {@link SigningKeys}). Another site can
 * make a browser send the cookie, but cannot read a page to learn the token.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final SigningKeys keys;

    public CsrfTokens(SigningKeys keys) {
        this.keys = keys;
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
        return keys.sign(SigningKeys.Purpose.CSRF, message);
    }
}
