package dev.preflight.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.Pages;

/**
 * Signing in and out. Local mode shows a form; OpenID Connect mode sends the browser to the
 * provider ({@code /login/oidc}) and back.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    /** A random value for the sign-in form's CSRF token, set before anyone is signed in. */
    static final String SIGN_IN_COOKIE = "pf_signin";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String username, String next, String error, String csrf, String notice,
                boolean oidc);
    }

    private final SignIn signIn;
    private final CsrfTokens csrf;
    private final AuthMode mode;
    private final CurrentCaller caller;

    public SignInPages(SignIn signIn, CsrfTokens csrf, AuthMode mode, CurrentCaller caller) {
        this.signIn = signIn;
        this.csrf = csrf;
        this.mode = mode;
        this.caller = caller;
    }

    @GET
    @Path("login")
    @PermitAll
    public Response loginForm(@QueryParam("next") String next, @QueryParam("notice") String notice,
            RoutingContext context) {
        if (mode.oidc()) {
            return "signed-out".equals(notice)
                    ? Response.ok(Templates.login("", "/", null, "", notice, true)).build()
                    : Pages.seeOther(mode.signInPath(next));
        }
        if (caller.find().isPresent()) {
            return Pages.seeOther(AuthMode.safeNext(next));
        }
        return Response.ok(Templates.login("", AuthMode.safeNext(next), null, freshFormToken(context),
                "signed-out".equals(notice) ? notice : null, false)).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String username, @RestForm String password, @RestForm String next,
            @RestForm("_csrf") String token, RoutingContext context) {
        if (mode.oidc()) {
            return Pages.seeOther(mode.signInPath(next));
        }
        Cookie formCookie = context.request().getCookie(SIGN_IN_COOKIE);
        String safeNext = AuthMode.safeNext(next);
        if (AuthMode.malformed(next)) {
            return again(ProblemType.INVALID_INPUT.status(), username, safeNext, "The page to return to after "
                    + "signing in is not an address Preflight can open; you were not signed in. Sign in again.", context);
        }
        if (formCookie == null || !Secrets.same(csrf.signInToken(formCookie.getValue()), token)) {
            return again(ProblemType.CSRF_REJECTED.status(), username, safeNext,
                    "The sign-in form had expired. Please try again.", context);
        }
        try {
            String secret = signIn.signIn(username, password, PreflightAuthentication.address(context));
            context.response().addCookie(SessionCookie.of(secret, context));
            return Pages.seeOther(safeNext);
        } catch (ProblemException e) {
            Response page = again(e.type().status(), username, safeNext, e.getMessage(), context);
            return e.retryAfterSeconds() > 0
                    ? Response.fromResponse(page).header("Retry-After", e.retryAfterSeconds()).build()
                    : page;
        }
    }

    @POST
    @Path("logout")
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(RoutingContext context) {
        if (mode.oidc()) {
            return Pages.seeOther("/logout/oidc");
        }
        String session = SessionCookie.secret(context);
        signIn.signOut(caller.get(), session == null ? "" : session);
        context.response().addCookie(SessionCookie.cleared(context));
        return Pages.seeOther("/login?notice=signed-out");
    }

    /** In OpenID Connect mode, reached after the provider's sign-in: on to where the person was going. */
    @GET
    @Path("login/oidc")
    @RolesAllowed(Roles.VIEWER)
    public Response afterProviderSignIn(@QueryParam("next") String next) {
        return Pages.seeOther(AuthMode.safeNext(next));
    }

    private Response again(int status, String username, String next, String error, RoutingContext context) {
        return Response.status(status).entity(Templates.login(username == null ? "" : username, next, error,
                freshFormToken(context), null, false)).build();
    }

    /** Sets a new random sign-in cookie and returns the form token bound to it. */
    private String freshFormToken(RoutingContext context) {
        String value = Secrets.random();
        context.response().addCookie(Cookie.cookie(SIGN_IN_COOKIE, value).setPath("/login").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure("https".equals(context.request().scheme())));
        return csrf.signInToken(value);
    }
}
