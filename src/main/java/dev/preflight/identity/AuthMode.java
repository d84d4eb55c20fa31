package dev.preflight.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

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

    /**
     * The page to come back to after signing in, for a request that found no session: the address
     * asked for; for a form sent (POST and the like, which no link can ask for again) the page the
     * form was on, from the Referer, or else the start page.
     */
    public static String returnTo(HttpServerRequest request) {
        if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            return request.uri();
        }
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return "/";
        }
        try {
            URI page = new URI(referer);
            return page.getRawPath() == null || page.getRawPath().isEmpty() ? "/"
                    : page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /** A local path to return to after sign-in; anything else (another site, a scheme, not an address) becomes "/". */
    public static String safeNext(String next) {
        return pathHere(next) && !malformed(next) ? next : "/";
    }

    /**
     * Whether a page to return to looks like a path here but cannot be an address at all (a space,
     * a character no address may hold): a sign-in form that carries one is refused before anything
     * is done. Another site's address is not malformed: it becomes "/".
     */
    public static boolean malformed(String next) {
        if (!pathHere(next)) {
            return false;
        }
        try {
            new URI(next);
            return next.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        } catch (URISyntaxException e) {
            return true;
        }
    }

    /** A path on this site: one leading slash, not "//" or "/\\" (which browsers read as another host). */
    private static boolean pathHere(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
    }
}
