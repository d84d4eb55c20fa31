package dev.preflight.runbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.preflight.platform.api.Versioned;

/** What the API and the pages show of runbooks. */
public final class RunbookViews {

    private RunbookViews() {
    }

    /**
     * A service's runbook: its Markdown (the skeleton while none was saved: {@code saved} false and
     * version 0), the required sections missing or empty, and when it was last exercised.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Runbook(String service, boolean saved, String content, List<String> missingSections,
            boolean complete, LocalDate lastExercised, int revision, String updatedBy, Instant updatedAt,
            long version) implements Versioned {
    }

    /** One revision in the history, without its content. */
    public record Revision(int number, String author, Instant at, String note) {
    }

    /** One revision with its content. */
    public record RevisionContent(int number, String author, Instant at, String note, String content) {
    }

    /** The comparison of two revisions, line by line. */
    public record Diff(int from, int to, int added, int removed, List<LineDiff.Line> lines) {
    }
}
