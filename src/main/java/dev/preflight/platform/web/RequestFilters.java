package dev.preflight.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.MDC;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import dev.preflight.platform.RequestId;
import dev.preflight.platform.db.DatabaseWatch;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.problems.Problems;

/**
 * Runs first on every request, pages, API, static files and errors alike: gives the request an id
 * (accepted from {@code X-Request-Id} when well-formed, generated otherwise) that is echoed in the
 * response and put on every log line; sets the security headers; keeps every answer but static
 * files out of caches ({@code Cache-Control: no-store}, unless the answer says otherwise, as the
 * public badge does); refuses a declared body over the size limit with a problem before anything
 * reads it; while the database does not answer ({@link DatabaseWatch}), answers everything but
 * static files and {@code /q/} (health, metrics) with 503 and Retry-After at once.
 */
@ApplicationScoped
public class RequestFilters {


    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; object-src 'none'";

    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Files that are the same for everyone (styles, scripts, icons): browsers may keep them. */
    private static final Pattern STATIC = Pattern.compile("/(css|js|webjars)/|/favicon\\.svg$");

    private final Problems problems;
    private final DatabaseWatch database;
    private final long maxBodySize;
    private final boolean devTools;
    private final BodyHandler bodyWithoutLength;

    public RequestFilters(Problems problems, @Readiness DatabaseWatch database,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.problems = problems;
        this.database = database;
        this.maxBodySize = maxBodySize.asLongValue();
        this.devTools = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        this.bodyWithoutLength = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, Integer.MAX_VALUE);
    }

    /** A body without a declared length that turned out too large, refused while it was being buffered. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                problems.send(context, ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body may not exceed " + maxBodySize + " bytes.");
            } else {
                context.next();
            }
        });
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = request.getHeader(RequestId.HEADER);
        if (requestId == null || !ACCEPTABLE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(RequestId.HEADER, requestId);
        }
        MDC.put(RequestId.MDC_KEY, requestId);
        HttpServerResponse response = context.response();
        response.putHeader(RequestId.HEADER, requestId);
        securityHeaders(request, response);
        noStore(context);
        if (!database.answering() && !STATIC.matcher(request.path()).lookingAt() && !request.path().startsWith("/q/")) {
            problems.databaseUnavailable(context);
            return;
        }
        if (declaredBodyTooLarge(request)) {
            problems.send(context, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body may not exceed " + maxBodySize + " bytes.");
            return;
        }
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null && request.path().startsWith("/api/")
                && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            bodyWithoutLength.handle(context);
            return;
        }
        context.next();
    }

    private void securityHeaders(HttpServerRequest request, HttpServerResponse response) {
        if (!devTools || !request.path().startsWith("/q/")) {
            response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("X-Frame-Options", "DENY");
        response.putHeader("Referrer-Policy", "same-origin");
        response.putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.putHeader("Cross-Origin-Opener-Policy", "same-origin");
        if ("https".equals(request.scheme())) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /** Keeps the answer out of caches, unless it is a static file or says otherwise itself. */
    private static void noStore(RoutingContext context) {
        if (!STATIC.matcher(context.request().path()).lookingAt()) {
            context.addHeadersEndHandler(end -> {
                if (!context.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    context.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
    }

    private boolean declaredBodyTooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
