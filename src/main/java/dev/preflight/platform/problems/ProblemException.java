package dev.preflight.platform.problems;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure that the client can act on, reported as a problem of the given type. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.FieldError> errors;
    private final long retryAfterSeconds;
    private final transient Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, 0, Map.of());
    }

    private ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, long retryAfterSeconds,
            Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.extensions = extensions;
    }

    /** The same problem with an extension member (such as {@code blockers} or {@code current}) in its body. */
    public ProblemException with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ProblemException(type, getMessage(), errors, retryAfterSeconds, Map.copyOf(more));
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Seconds the client should wait before retrying (the Retry-After header), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), Math.max(1, retryAfter.toSeconds()),
                Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException staleVersion(String detail) {
        return new ProblemException(ProblemType.STALE_VERSION, detail);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.INVALID_INPUT, detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }
}
