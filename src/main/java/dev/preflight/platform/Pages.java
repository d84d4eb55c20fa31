package dev.preflight.platform;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.core.Response;

/** Small habits shared by the HTML resources. */
public final class Pages {

    /** Notices a page may show after a redirect; anything else in the query string is ignored. */
    private static final Set<String> NOTICES = Set.of("created", "updated", "deleted");

    private Pages() {
    }

    /** After a successful form post: 303 to the page that shows the result (post/redirect/get). */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /** The notice named in a query string if it is one the pages know, else null: never echoes input. */
    public static String notice(String requested) {
        return requested != null && NOTICES.contains(requested) ? requested : null;
    }

    /** Null for a missing or blank form value, the trimmed value otherwise. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
