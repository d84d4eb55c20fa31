package dev.preflight.platform.web;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * Rendered parts of pages kept by the data they show: a launch's item, a row of the board. The key
 * is everything the part shows (a record of the values, and of the viewer's rights where they
 * matter), so a changed item or row has a new key and is rendered again; nothing is invalidated by
 * hand. Parts carry the CSRF mark, not a token ({@link FormTokens}), so one rendering serves
 * everyone who reads the page's language ({@link PageLocale}, part of the key). Least recently
 * used parts go first once the cache holds its limit.
 */
@ApplicationScoped
public class Fragments {

    /** Characters kept at most (about as many bytes: pages are mostly ASCII). */
    private static final long MAX_CHARS = 16L * 1024 * 1024;

    private final PageLocale locale;
    private final Cache<Object, String> rendered = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .<Object, String>weigher((key, html) -> html.length()).build();

    public Fragments(PageLocale locale) {
        this.locale = locale;
    }

    /** A part in one language. */
    private record Key(Locale locale, Object shown) {
    }

    /**
     * The part for the key, rendered in the page's language when it is not kept yet. Parts may hold parts: rendering is not
     * done inside the cache, and two requests that miss at once both render and keep the same text.
     */
    public RawString get(Object key, Supplier<TemplateInstance> part) {
        Key kept = new Key(locale.get(), key);
        String html = rendered.getIfPresent(kept);
        if (html == null) {
            html = render(part.get());
            rendered.put(kept, html);
        }
        return new RawString(html);
    }

    /** A part rendered in the page's language, not kept. */
    public String render(TemplateInstance part) {
        return part.setLocale(locale.get()).render();
    }
}
