package dev.preflight.platform.problems;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error response body in the shape of RFC 9457 (application/problem+json), with the
 * request id that also appears in the server's log and, for invalid input, one entry per field.
 * Some problems carry extension members at the top level, such as {@code blockers} (what stands
 * in the way of a go decision) or {@code current} (the stored state a stale write missed).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors, @JsonAnyGetter @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * What is wrong with one field; {@code field} is the JSON property path or the form field name.
     * {@code line} is set for errors in an uploaded document (a template file), counting from 1.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer line) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
