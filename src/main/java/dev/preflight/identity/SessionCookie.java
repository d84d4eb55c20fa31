package dev.preflight.identity;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/** The session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS, path /. */
final class SessionCookie {

    private SessionCookie() {
    }

    static Cookie of(String secret, RoutingContext context) {
        return Cookie.cookie(Sessions.COOKIE, secret).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure("https".equals(context.request().scheme()));
    }

    static Cookie cleared(RoutingContext context) {
        return of("", context).setMaxAge(0);
    }
}
