package dev.preflight.identity;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The session cookie: HttpOnly, SameSite=Lax, path /. Over HTTPS it is Secure and named with the
 * {@code __Host-} prefix, which browsers only accept from a secure page for this very host, so that
 * no other site on the domain (nor a plain-HTTP page) can set or replace it.
 */
final class SessionCookie {

    static final String NAME = "pf_session";
    static final String SECURE_NAME = "__Host-" + NAME;

    private SessionCookie() {
    }

    static Cookie of(String secret, RoutingContext context) {
        boolean secure = secure(context);
        return Cookie.cookie(secure ? SECURE_NAME : NAME, secret).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure(secure);
    }

    static Cookie cleared(RoutingContext context) {
        return of("", context).setMaxAge(0);
    }

    /** The session's secret the request carries under the cookie name of its scheme, or null. */
    static String secret(RoutingContext context) {
        Cookie cookie = context.request().getCookie(secure(context) ? SECURE_NAME : NAME);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    private static boolean secure(RoutingContext context) {
        return "https".equals(context.request().scheme());
    }
}
