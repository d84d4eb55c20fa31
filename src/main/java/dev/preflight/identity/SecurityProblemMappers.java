package dev.preflight.identity;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.problems.Problems;

/**
 * Missing or failed authentication: the API answers 401 (429 when throttled), a browser is sent to
 * sign in and brought back afterwards. Refused authorization: 403.
 */
public class SecurityProblemMappers {

    private final Problems problems;
    private final AuthMode mode;

    public SecurityProblemMappers(Problems problems, AuthMode mode) {
        this.problems = problems;
        this.mode = mode;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return signIn(request, "Sign in, or send an API token in the Authorization header.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        if (Problems.isDatabaseUnavailable(e)) {
            return problems.databaseUnavailable(request);
        }
        Long retryAfter = e.getAttribute(PreflightAuthentication.RETRY_AFTER);
        if (retryAfter != null) {
            return Response.fromResponse(problems.response(ProblemType.TOO_MANY_REQUESTS,
                    "Too many failed token attempts from this address.", List.of(), request))
                    .header(HttpHeaders.RETRY_AFTER, retryAfter).build();
        }
        return signIn(request, "The credentials sent are unknown, revoked or expired.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? ProblemType.FORBIDDEN.description()
                : e.getMessage();
        return problems.response(ProblemType.FORBIDDEN, detail, List.of(), request);
    }

    private Response signIn(HttpServerRequest request, String detail) {
        if (Problems.wantsHtml(request)) {
            return Response.seeOther(URI.create(mode.signInPath(AuthMode.returnTo(request)))).build();
        }
        return Response.fromResponse(problems.response(ProblemType.UNAUTHORIZED, detail, List.of(), request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Preflight\"").build();
    }
}
