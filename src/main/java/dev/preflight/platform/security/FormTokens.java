package dev.preflight.platform.security;

import java.util.function.Supplier;

/**
 * Where a page's CSRF token goes. Pages carry a mark there ({@code {inject:me.csrfMark}}) that is
 * replaced by the caller's token as the page is sent, so a part of a page (a launch's item, a row
 * of the board) can be rendered once and shown to everyone. Stored text never contains the mark:
 * PostgreSQL refuses the NUL character in text.
 */
public final class FormTokens {

    public static final String csrfMark = "\u0000csrf\u0000";

    /** The token of the caller of the current request (empty when there is none). */
    public interface Source {
        String csrf();
    }

    private FormTokens() {
    }

    /** The page with the token wherever it carries the mark; the token is asked for only then. */
    public static String fill(String page, Supplier<String> token) {
        int at = page.indexOf(csrfMark);
        if (at < 0) {
            return page;
        }
        String value = token.get();
        StringBuilder filled = new StringBuilder(page.length() + 64);
        int from = 0;
        while (at >= 0) {
            filled.append(page, from, at).append(value);
            from = at + csrfMark.length();
            at = page.indexOf(csrfMark, from);
        }
        return filled.append(page, from, page.length()).toString();
    }
}
