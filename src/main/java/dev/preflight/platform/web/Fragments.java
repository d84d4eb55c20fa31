package dev.preflight.platform.web;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.qute.RawString;

/**
 * Rendered parts of pages kept by the data they show: a launch's item, a row of the board. The key
 * is everything the part shows (a record of the values, and of the viewer's rights where they
 * matter), so a changed item or row has a new key and is rendered again; nothing is invalidated by
 * hand. Parts carry the CSRF mark, not a token ({@link FormTokens}), so one rendering serves
 * everyone. Least recently used parts go first once the cache holds its limit.
 */
@ApplicationScoped
public class Fragments {

    /** Characters kept at most (about as many bytes: pages are mostly ASCII). */
    private static final long MAX_CHARS = 16L * 1024 * 1024;

    private final Cache<Object, String> rendered = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .<Object, String>weigher((key, html) -> html.length()).build();

    /**
     * The part for the key, rendered when it is not kept yet. Parts may hold parts: rendering is not
     * done inside the cache, and two requests that miss at once both render and keep the same text.
     */
    public RawString get(Object key, Supplier<String> render) {
        String html = rendered.getIfPresent(key);
        if (html == null) {
            html = render.get();
            rendered.put(key, html);
        }
        return new RawString(html);
    }
}
