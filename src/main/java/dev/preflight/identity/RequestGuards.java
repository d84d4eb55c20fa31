package dev.preflight.identity;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.problems.Problems;

/**
 * Checks every request that changes something, before its resource method runs:
 * a read-only API token may not write, and a request authenticated by the browser's cookie must
 * carry the session's CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}).
 * Requests authenticated by a bearer token carry no cookie a foreign site could borrow, and are exempt.
 */
public class RequestGuards {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;
    private final CsrfTokens csrf;
    private final Problems problems;

    public RequestGuards(CurrentIdentityAssociation identities, CsrfTokens csrf, Problems problems) {
        this.identities = identities;
        this.csrf = csrf;
        this.problems = problems;
    }

    @ServerRequestFilter
    @WithFormRead
    public Uni<Response> guard(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (SAFE_METHODS.contains(context.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
            if (caller == null) {
                return null;
            }
            if (!caller.canWrite()) {
                return problems.response(ProblemType.FORBIDDEN,
                        "The API token '" + caller.tokenName() + "' may only read; create one with the write scope.",
                        List.of(), request);
            }
            if (caller.byCookie() && !csrf.isValid(caller, presented(context))) {
                return problems.response(ProblemType.CSRF_REJECTED, ProblemType.CSRF_REJECTED.description(), List.of(),
                        request);
            }
            return (Response) null;
        }).onFailure().recoverWithNull();
    }

    private static String presented(ResteasyReactiveContainerRequestContext context) {
        String header = context.getHeaderString(CsrfTokens.HEADER);
        if (header != null) {
            return header;
        }
        Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(CsrfTokens.FORM_FIELD, true, false);
        return field == null ? null : field.toString();
    }
}
