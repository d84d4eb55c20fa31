package dev.preflight.template;

import java.util.Set;

import dev.preflight.platform.api.Slugs;

/** Keys for sections and items made from their titles, unique within a checklist. */
final class TemplateKeys {

    private static final int MAX_PART = 48;

    private TemplateKeys() {
    }

    /** A slug of the title, at most 48 characters; the fallback when the title has no letters or digits. */
    static String part(String title, String fallback) {
        String slug = Slugs.from(title);
        if (slug.length() > MAX_PART) {
            slug = slug.substring(0, MAX_PART).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** The wanted key, or it with -2, -3... when taken; the result is added to the taken keys. */
    static String unique(Set<String> taken, String wanted) {
        String key = wanted;
        for (int n = 2; !taken.add(key); n++) {
            key = wanted + "-" + n;
        }
        return key;
    }
}
