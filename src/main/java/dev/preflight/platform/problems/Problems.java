package dev.preflight.platform.problems;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.transaction.xa.XAException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import dev.preflight.platform.RequestId;
import dev.preflight.platform.security.FormTokens;

/**
 * Turns failures into responses: {@code application/problem+json} for the API and for clients that
 * do not ask for HTML, a readable error page for browsers.
 */
@ApplicationScoped
public class Problems {

    /** Seconds a client should wait before retrying after the database was unreachable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem, ProblemType problemType);
    }

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    private static Problem problem(ProblemType type, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions, HttpServerRequest request) {
        return new Problem(type.uri(), type.title(), type.status(), detail, request.path(),
                request.getHeader(RequestId.HEADER), errors, extensions);
    }

    /** A JAX-RS response for a failure raised while a resource method ran. */
    public Response response(ProblemType type, String detail, List<Problem.FieldError> errors, HttpServerRequest request) {
        return response(type, problem(type, detail, errors, Map.of(), request), request);
    }

    /** A JAX-RS response for a problem the application raised, with its extension members. */
    public Response response(ProblemException e, HttpServerRequest request) {
        return response(e.type(), problem(e.type(), e.getMessage(), e.errors(), e.extensions(), request), request);
    }

    private Response response(ProblemType type, Problem problem, HttpServerRequest request) {
        Response.ResponseBuilder builder = Response.status(type.status());
        if (type == ProblemType.SERVICE_UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (wantsHtml(request)) {
            return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.error(problem, type).render()).build();
        }
        return builder.type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Ends a request at the HTTP layer, before or outside any resource method. */
    public void send(RoutingContext context, ProblemType type, String detail) {
        HttpServerRequest request = context.request();
        Problem problem = problem(type, detail, List.of(), Map.of(), request);
        context.response().setStatusCode(type.status());
        if (type == ProblemType.SERVICE_UNAVAILABLE) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        if (wantsHtml(request)) {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .end(FormTokens.fill(renderOutsideRequests(Templates.error(problem, type)), () -> ""));
            return;
        }
        try {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().end();
        }
    }

    /**
     * Renders a page at the HTTP layer, where no request context is active yet: one is opened for
     * the rendering alone. The layout asks who is signed in, which on the I/O thread is nobody
     * (the page shows no account menu rather than wait for the database).
     */
    private static String renderOutsideRequests(TemplateInstance page) {
        ManagedContext requests = Arc.container().requestContext();
        if (requests.isActive()) {
            return page.render();
        }
        requests.activate();
        try {
            return page.render();
        } finally {
            requests.terminate();
        }
    }

    /** Browsers navigating pages get HTML; the API, scripts and htmx fragments get problem+json. */
    public static boolean wantsHtml(HttpServerRequest request) {
        if (request.path().startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML);
    }

    /** 503 with Retry-After: the database could not be reached. */
    public Response databaseUnavailable(HttpServerRequest request) {
        return response(ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.description(), List.of(),
                request);
    }

    /** Ends a request with 503 and Retry-After before anything asks the database, which does not answer. */
    public void databaseUnavailable(RoutingContext context) {
        send(context, ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.description());
    }

    /**
     * Whether a failure (or one of its causes, or what was suppressed on the way, such as a commit the
     * database dropped the connection of) means the database could not be reached.
     */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if ((state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
                        || message.contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL
                    || xa.errorCode == XAException.XA_RBCOMMFAIL
                    || String.valueOf(xa.getMessage()).contains("terminating connection"))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isDatabaseUnavailable(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
