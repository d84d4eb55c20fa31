package dev.preflight.identity;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;

/** The signed-in person's own pages: who they are, their password, their API tokens. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(UserView user, Map<String, String> errors, String notice);

        static native TemplateInstance tokens(List<TokenView> tokens, TokenView.Created created, String name,
                Map<String, String> errors, String notice, Integer maxDays);
    }

    private final CurrentCaller caller;
    private final UserDirectory users;
    private final ApiTokens tokens;

    public AccountPages(CurrentCaller caller, UserDirectory users, ApiTokens tokens) {
        this.caller = caller;
        this.users = users;
        this.tokens = tokens;
    }

    @GET
    @Path("account")
    public TemplateInstance account(@QueryParam("notice") String notice) {
        return Templates.account(users.get(caller.get().username()), FormErrors.none(), Pages.notice(notice));
    }

    @POST
    @Path("account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
            RoutingContext context) {
        return Pages.submit(() -> {
            users.changeOwnPassword(currentPassword, newPassword, PreflightAuthentication.address(context));
            return Pages.seeOther("/account?notice=updated");
        }, e -> Templates.account(users.get(caller.get().username()), FormErrors.of(e, "currentPassword"), null),
                ProblemType.INVALID_INPUT, ProblemType.TOO_MANY_REQUESTS);
    }

    @GET
    @Path("settings/tokens")
    public TemplateInstance tokens(@QueryParam("notice") String notice) {
        return Templates.tokens(tokens.list(me()), null, "", FormErrors.none(), Pages.notice(notice), tokens.maxDays().orElse(null));
    }

    @POST
    @Path("settings/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name, @RestForm String write, @RestForm String expiresOn) {
        return Pages.submit(() -> {
            TokenView.Created created = tokens.create(me(), new TokenInput(name,
                    "on".equals(write) ? List.of("read", "write") : List.of("read"), InputValidator.date("expiresOn", expiresOn)));
            return Response.ok(Templates.tokens(tokens.list(me()), created, "", FormErrors.none(), null,
                    tokens.maxDays().orElse(null))).build();
        }, e -> Templates.tokens(tokens.list(me()), null, name, FormErrors.of(e), null, tokens.maxDays().orElse(null)),
                ProblemType.INVALID_INPUT);
    }

    @POST
    @Path("settings/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(me(), id);
        return Pages.seeOther("/settings/tokens?notice=deleted");
    }

    private User me() {
        return users.find(caller.get().username());
    }

}
