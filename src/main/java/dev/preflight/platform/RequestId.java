package dev.preflight.platform;

/**
 * The id every request carries: accepted from the caller's {@value #HEADER} when well-formed,
 * generated otherwise, echoed in the response, on every log line ({@value #MDC_KEY}), in every
 * error body and in the audit log.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestId() {
    }
}
