package dev.preflight.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-safe identifiers: lower-case letters, digits and single hyphens, at most 64 characters. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$";
    public static final int MAX_LENGTH = 64;

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    /** Derives a slug from a display name: "Payments API (EU)" becomes "payments-api-eu". */
    public static String from(String name) {
        if (name == null) {
            return "";
        }
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_LENGTH));
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.matches(PATTERN);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
