package dev.preflight.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;

/**
 * The language a page is written in: the best of the languages Preflight has text for
 * ({@code quarkus.locales}) for the browser's {@code Accept-Language}, as Quarkus picks it for the
 * page itself; the default language otherwise.
 */
@RequestScoped
public class PageLocale {

    private final HttpServerRequest request;
    private final List<Locale> supported;
    private final Locale fallback;

    PageLocale(HttpServerRequest request, @ConfigProperty(name = "quarkus.locales") List<Locale> supported,
            @ConfigProperty(name = "quarkus.default-locale") Locale fallback) {
        this.request = request;
        this.supported = supported;
        this.fallback = fallback;
    }

    public Locale get() {
        String accepted = request.getHeader("Accept-Language");
        if (accepted == null || accepted.isBlank()) {
            return fallback;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(accepted), supported);
            return match != null ? match : fallback;
        } catch (IllegalArgumentException unreadable) {
            return fallback;
        }
    }
}
