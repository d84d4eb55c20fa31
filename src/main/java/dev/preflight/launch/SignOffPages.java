package dev.preflight.launch;

import java.util.Arrays;
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

import dev.preflight.identity.SignOffGroups;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;

/**
 * Administration › Sign-off: the sign-off groups with their members, and each tier's launch policy
 * (how many approvers agree to a go, four-eyes sign-off). One page, a form per group and per tier.
 */
@Path("/admin/sign-off")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class SignOffPages {

    /** What the new-group form holds, as typed. */
    public record GroupForm(String key, String name, String members) {

        static GroupForm blank() {
            return new GroupForm("", "", "");
        }

        SignOffGroups.Input toInput() {
            return new SignOffGroups.Input(name, members == null ? List.of()
                    : Arrays.stream(members.split("[,\\s]+")).filter(m -> !m.isBlank()).toList());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<SignOffGroups.View> groups, List<LaunchPolicies.View> policies,
                GroupForm form, Map<String, String> errors, String notice);
    }

    private final SignOffGroups groups;
    private final LaunchPolicies policies;

    public SignOffPages(SignOffGroups groups, LaunchPolicies policies) {
        this.groups = groups;
        this.policies = policies;
    }

    @GET
    public TemplateInstance page(@QueryParam("notice") String notice) {
        return Templates.page(groups.list(), policies.list(), GroupForm.blank(), FormErrors.none(),
                Pages.notice(notice));
    }

    /** Defines a group: a new one (its key typed) or an existing one (its key in the address). */
    @POST
    @Path("groups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveGroup(@RestForm String key, @RestForm String name, @RestForm String members,
            @RestForm Long version) {
        GroupForm form = new GroupForm(key, name, members);
        String chosen = key == null ? "" : key.trim();
        return Pages.submit(() -> {
            groups.save(chosen, form.toInput(), version);
            return Pages.seeOther("/admin/sign-off?notice=updated");
        }, e -> Templates.page(groups.list(), policies.list(), form, FormErrors.of(e, "name"), null),
                ProblemType.INVALID_INPUT, ProblemType.CONFLICT, ProblemType.STALE_VERSION, ProblemType.NOT_FOUND);
    }

    @POST
    @Path("groups/{key}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeGroup(@PathParam("key") String key, @RestForm Long version) {
        return Pages.submit(() -> {
            groups.delete(key, version);
            return Pages.seeOther("/admin/sign-off?notice=deleted");
        }, e -> Templates.page(groups.list(), policies.list(), GroupForm.blank(), FormErrors.of(e, "key"), null),
                ProblemType.STALE_VERSION, ProblemType.NOT_FOUND);
    }

    @POST
    @Path("policies/{tier}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePolicy(@PathParam("tier") int tier, @RestForm String goDeciders, @RestForm String fourEyes,
            @RestForm Long version) {
        Integer deciders;
        try {
            deciders = goDeciders == null ? null : Integer.valueOf(goDeciders.trim());
        } catch (NumberFormatException e) {
            deciders = 0;
        }
        LaunchPolicies.Input input = new LaunchPolicies.Input(deciders, "on".equals(fourEyes));
        return Pages.submit(() -> {
            policies.set(tier, input, version);
            return Pages.seeOther("/admin/sign-off?notice=updated");
        }, e -> Templates.page(groups.list(), policies.list(), GroupForm.blank(),
                FormErrors.of(e, "goDeciders"), null), ProblemType.INVALID_INPUT, ProblemType.STALE_VERSION,
                ProblemType.NOT_FOUND);
    }
}
