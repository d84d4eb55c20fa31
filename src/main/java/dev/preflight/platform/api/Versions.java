package dev.preflight.platform.api;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import dev.preflight.platform.problems.ProblemException;

/**
 * Optimistic concurrency for edits: a client states the version it read (the {@code If-Match}
 * header, a {@code version} field, or a form's hidden field) and the write is refused when the
 * stored record has moved on since. Answers about such a record carry its version as the ETag.
 */
public final class Versions {

    private Versions() {
    }

    /** The version a client expects, from an {@code If-Match} entity tag or a body field; null if neither. */
    public static Long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return bodyVersion;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an entity tag received in an ETag header, such as \"3\"");
        }
    }

    /** Refuses the write when the client expected another version than the stored one. */
    public static void check(String what, long stored, Long expected) {
        if (expected != null && expected != stored) {
            throw ProblemException.staleVersion(what + " changed since version " + expected
                    + " was read; it is now at version " + stored + ". Read it again and re-apply the change.");
        }
    }

    /** 200 with the record, its version as the ETag. */
    public static Response ok(Versioned record) {
        return Response.ok(record).tag(String.valueOf(record.version())).build();
    }

    /** 201 with the answer, Location naming the new record and its version as the ETag. */
    public static Response created(URI location, Object answer, Versioned record) {
        return Response.created(location).entity(answer).tag(String.valueOf(record.version())).build();
    }
}
