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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;
import dev.preflight.team.Team;
import dev.preflight.team.TeamView;

/** A team's members; admins add and remove them. */
@Path("/teams/{slug}/members")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class TeamMemberPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance members(TeamView team, List<UserView> members, Map<String, String> errors,
                String username);
    }

    private final UserDirectory users;

    public TeamMemberPages(UserDirectory users) {
        this.users = users;
    }

    @GET
    public TemplateInstance members(@PathParam("slug") String slug) {
        Team team = users.team(slug);
        return Templates.members(TeamView.of(team), users.members(team), FormErrors.none(), "");
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("slug") String slug, @RestForm String username) {
        try {
            users.addMember(slug, username == null ? "" : username.trim());
            return Pages.seeOther("/teams/" + slug + "/members");
        } catch (ProblemException e) {
            Team team = users.team(slug);
            return Response.status(400).entity(Templates.members(TeamView.of(team), users.members(team),
                    Map.of("username", e.getMessage()), username)).build();
        }
    }

    @POST
    @Path("{username}/remove")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("slug") String slug, @PathParam("username") String username) {
        users.removeMember(slug, username);
        return Pages.seeOther("/teams/" + slug + "/members");
    }
}
