package dev.preflight.platform.api;

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

    /**
     * The slug a client chose, or one derived from the name when it chose none; an error on the
     * {@code slug} field when the name yields nothing usable (and no other error explains why).
     */
    public static String chosenOrDerived(String chosen, String name, InputValidator.Errors errors) {
        String slug = chosen == null || chosen.isBlank() ? from(name) : chosen;
        if (!errors.has("name") && !errors.has("slug") && !isValid(slug)) {
            errors.add("slug", "could not be derived from the name; give one of lower-case letters, digits and hyphens");
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
