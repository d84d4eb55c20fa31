package dev.preflight.identity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;


/**
 * Preflight's own credentials: API tokens ({@code Authorization: Bearer pf_...}, in every mode) and,
 * in local mode, the session cookie. Other bearer tokens and the OpenID Connect code flow are left
 * to the OIDC mechanism. A token in a URL is never read.
 */
@ApplicationScoped
public class PreflightAuthentication implements HttpAuthenticationMechanism {

    private final AuthMode mode;

    public PreflightAuthentication(AuthMode mode) {
        this.mode = mode;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer " + ApiTokens.PREFIX, 0, 10)) {
            TokenRequest request = new TokenRequest(authorization.substring(7).trim(), address(context));
            HttpSecurityUtils.setRoutingContextAttribute(request, context);
            return identities.authenticate(request);
        }
        if (!mode.oidc()) {
            String secret = SessionCookie.secret(context);
            if (secret != null) {
                return identities.authenticate(new SessionRequest(secret))
                        .onFailure(AuthenticationFailedException.class).recoverWithItem(() -> {
                            context.response().addCookie(SessionCookie.cleared(context));
                            return null;
                        });
            }
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.request().path().startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"Preflight\""));
        }
        if (mode.oidc()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", mode.signInPath(AuthMode.returnTo(context.request()))));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenRequest.class, SessionRequest.class);
    }

    @Override
    public int getPriority() {
        return 2000;
    }

    /** The client's address, as throttling and the audit log know it (behind a trusted proxy, the one it forwards). */
    static String address(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    /** An API token presented as a bearer token, with the address it came from (for throttling). */
    public static final class TokenRequest extends BaseAuthenticationRequest {
        final String token;
        final String address;

        TokenRequest(String token, String address) {
            this.token = token;
            this.address = address;
        }
    }

    /** A session cookie's secret; an ended session makes the request anonymous and clears the cookie. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final String secret;

        SessionRequest(String secret) {
            this.secret = secret;
        }
    }

    /** Attribute of the failure when too many token attempts failed: seconds to wait (a Long). */
    static final String RETRY_AFTER = "preflight.retry-after";

    @ApplicationScoped
    static class Tokens implements IdentityProvider<TokenRequest> {

        private final ApiTokens tokens;
        private final Throttle throttle;

        Tokens(ApiTokens tokens, Throttle throttle) {
            this.tokens = tokens;
            this.throttle = throttle;
        }

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                Optional<Caller> caller = tokens.resolve(request.token);
                if (caller.isPresent()) {
                    return Callers.identity(caller.get());
                }
                if (throttle.tokenFailed(request.address)) {
                    throw new AuthenticationFailedException("Too many failed attempts",
                            Map.of(RETRY_AFTER, throttle.tokenWait(request.address).toSeconds()));
                }
                throw new AuthenticationFailedException("The API token is unknown, revoked or expired");
            });
        }
    }

    @ApplicationScoped
    static class SessionCookies implements IdentityProvider<SessionRequest> {

        private final Sessions sessions;

        SessionCookies(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.resolve(request.secret).map(Callers::identity)
                    .orElseThrow(() -> new AuthenticationFailedException("The session has ended")));
        }
    }
}
