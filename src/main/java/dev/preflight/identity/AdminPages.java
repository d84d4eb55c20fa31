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
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Role;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Keyed;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;
import dev.preflight.team.TeamDirectory;
import dev.preflight.team.TeamView;

/** Admin pages for users: list, create, change role, teams and status, reset passwords, revoke tokens. */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {

    /** The roles, least to most, for the pages' choices. */
    @TemplateGlobal
    static final List<Role> roles = List.of(Role.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Page<UserView> page, UserForm form, Map<String, String> errors,
                UserView.WithPassword created, List<TeamView> teams);

        static native TemplateInstance user(UserView user, List<TeamView> teams, List<TokenView> tokens,
                Map<String, String> errors, String newPassword, String notice, boolean oidc);
    }

    /** The user form as typed. */
    public record UserForm(String username, String displayName, String email, String role, List<String> teams) {

        static UserForm blank() {
            return new UserForm("", "", "", Role.ENGINEER.key(), List.of());
        }

        UserInput toInput(String password, Boolean enabled, Long version) {
            return new UserInput(username, displayName, email, Keyed.byKey(Role.class, role).orElse(null), enabled, teams, password,
                    version);
        }
    }

    private final UserDirectory users;
    private final ApiTokens tokens;
    private final TeamDirectory teams;
    private final AuthMode mode;

    public AdminPages(UserDirectory users, ApiTokens tokens, TeamDirectory teams, AuthMode mode) {
        this.users = users;
        this.tokens = tokens;
        this.teams = teams;
        this.mode = mode;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page) {
        return Templates.users(users.list(Page.Request.of(page, Page.DEFAULT_SIZE)), UserForm.blank(),
                FormErrors.none(), null, teams.all());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String email,
            @RestForm String role, @RestForm List<String> teams) {
        UserForm form = new UserForm(username, displayName, email, role, teams);
        return Pages.submit(() -> {
            UserView.WithPassword created = users.create(form.toInput(null, true, null));
            return Response.ok(Templates.users(users.list(Page.Request.of(1, Page.DEFAULT_SIZE)), UserForm.blank(),
                    FormErrors.none(), created, this.teams.all())).build();
        }, e -> Templates.users(users.list(Page.Request.of(1, Page.DEFAULT_SIZE)), form, FormErrors.of(e, "username"),
                null, this.teams.all()), ProblemType.INVALID_INPUT, ProblemType.CONFLICT);
    }

    @GET
    @Path("{username}")
    public TemplateInstance user(@PathParam("username") String username, @QueryParam("notice") String notice) {
        return page(username, FormErrors.none(), null, Pages.notice(notice));
    }

    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("username") String username, @RestForm String displayName,
            @RestForm String email, @RestForm String role, @RestForm String enabled, @RestForm List<String> teams,
            @RestForm Long version) {
        UserForm form = new UserForm(username, displayName, email, role, teams);
        return Pages.submit(() -> {
            users.update(username, form.toInput(null, "on".equals(enabled), null), version);
            return Pages.seeOther("/admin/users/" + username + "?notice=updated");
        }, e -> page(username, FormErrors.of(e, "role"), null, null), ProblemType.INVALID_INPUT, ProblemType.CONFLICT,
                ProblemType.STALE_VERSION);
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance resetPassword(@PathParam("username") String username) {
        UserView.WithPassword reset = users.resetPassword(username, null);
        return page(username, FormErrors.none(), reset.generatedPassword(), null);
    }

    @POST
    @Path("{username}/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("username") String username, @PathParam("id") long id) {
        tokens.revoke(users.find(username), id);
        return Pages.seeOther("/admin/users/" + username + "?notice=deleted");
    }

    private TemplateInstance page(String username, Map<String, String> errors, String newPassword, String notice) {
        return Templates.user(users.get(username), teams.all(), tokens.list(users.find(username)), errors, newPassword,
                notice, mode.oidc());
    }
}
