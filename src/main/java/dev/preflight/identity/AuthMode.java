package dev.preflight.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How people sign in, chosen by configuration alone: local accounts (the default), or an OpenID
 * Connect provider when {@code QUARKUS_OIDC_TENANT_ENABLED=true} and its issuer are configured.
 * API tokens work in both.
 */
@ApplicationScoped
public class AuthMode {

    private final boolean oidc;

    public AuthMode(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidc) {
        this.oidc = oidc;
    }

    public boolean oidc() {
        return oidc;
    }

    /** Where an anonymous browser goes to sign in, returning to {@code next} afterwards. */
    public String signInPath(String next) {
        String safe = safeNext(next);
        String base = oidc ? "/login/oidc" : "/login";
        return safe.equals("/") ? base : base + "?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
    }

    /** A local path to return to after sign-in; anything else (another site, a scheme) becomes "/". */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
