package dev.preflight.platform.problems;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of error Preflight reports. Each has a stable {@code type} URI
 * ({@code /problems/<slug>}) that also serves a page explaining it.
 */
public enum ProblemType {

    INVALID_INPUT(400, "Invalid input",
            "One or more fields are missing or invalid. The errors list names each field and what is wrong with it."),
    MALFORMED_REQUEST(400, "Malformed request",
            "The request body or a parameter could not be read: it is not valid JSON, a value has the wrong type, "
                    + "or a field is unknown. Where it can be told, the errors list names the field."),
    UNAUTHORIZED(401, "Not signed in",
            "This needs a signed-in user or an API token (Authorization: Bearer pf_...), and none valid came with "
                    + "the request. Tokens are read only from the Authorization header, never from the address."),
    FORBIDDEN(403, "Not allowed", "You are signed in, but your role, your teams or your token's scopes do not allow this."),
    CSRF_REJECTED(403, "Request not verified",
            "A form or page action arrived without the security token of your session, or with a stale one, so it "
                    + "could have come from another site. Reload the page and try again."),
    NOT_FOUND(404, "Not found", "Nothing exists at this address, or it is outside your reach."),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "This address does not accept that HTTP method."),
    NOT_ACCEPTABLE(406, "Not acceptable", "None of the media types in the Accept header can be produced here."),
    CONFLICT(409, "Conflict",
            "The request conflicts with the current state: a slug is already taken, or the record is still in use."),
    NOT_READY(409, "Not ready",
            "The launch may not go ahead: it has no go decision, or something required is open, unsigned, stale or "
                    + "no longer waived. The blockers list names each item and why."),
    STALE_VERSION(412, "Stale version",
            "The record changed since you read it (If-Match or the form's version no longer matches). "
                    + "Read it again, re-apply your change, and send it with the new version."),
    PAYLOAD_TOO_LARGE(413, "Payload too large", "The request body is larger than this server accepts."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "The request body's Content-Type is not accepted here."),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused",
            "You already sent a different request with this Idempotency-Key. Resend the same request to get its "
                    + "first result again, or use a new key for a new request."),
    TOO_MANY_REQUESTS(429, "Too many attempts",
            "Too many failed sign-ins or token attempts came from this address or for this account. Wait for the "
                    + "time given in Retry-After, then try again."),
    INTERNAL_ERROR(500, "Internal error",
            "Something went wrong on the server. Nothing was changed by the failed request. "
                    + "Quote the request id when you report it."),
    SERVICE_UNAVAILABLE(503, "Service unavailable",
            "The database cannot be reached right now. Nothing was changed; try again in a few seconds (the "
                    + "Retry-After header says how many).");

    private final int status;
    private final String title;
    private final String description;

    ProblemType(int status, String title, String description) {
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String uri() {
        return "/problems/" + slug();
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** The type that describes a bare HTTP status, for errors raised by the framework itself. */
    public static ProblemType forStatus(int status) {
        return Arrays.stream(values()).filter(t -> t.status == status).findFirst()
                .orElse(status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST);
    }
}
