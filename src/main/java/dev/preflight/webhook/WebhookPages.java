package dev.preflight.webhook;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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

import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Text;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;

/**
 * The webhooks pages under settings: the caller's teams' subscriptions and a form for a new one
 * (its secret shown once), and each subscription with its delivery log.
 */
@Path("/settings/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class WebhookPages {

    @TemplateGlobal
    static final List<WebhookEvent> webhookEvents = List.of(WebhookEvent.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<WebhookViews.Subscription> webhooks, WebhookViews.Created created,
                WebhookForm form, Map<String, String> errors, String notice);

        static native TemplateInstance detail(WebhookViews.Subscription webhook, List<WebhookViews.Delivery> deliveries,
                boolean mayChange);

        static native TemplateInstance confirmDelete(WebhookViews.Subscription webhook);
    }

    /** What the form posts: a scope (team or service), the URL, the events, the format. */
    public static class WebhookForm {
        @RestForm
        public String team;

        @RestForm
        public String service;

        @RestForm
        public String url;

        @RestForm
        public List<String> events;

        @RestForm
        public String format;

        @RestForm
        public String description;

        /** Whether the form had the event ticked (none are, on a new form). */
        public boolean has(WebhookEvent event) {
            return events != null && events.contains(event.key());
        }
    }

    private final Webhooks webhooks;

    public WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    public TemplateInstance list(@QueryParam("notice") String notice) {
        return Templates.list(webhooks.list(), null, new WebhookForm(), FormErrors.none(), Pages.notice(notice));
    }

    @POST
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam WebhookForm form) {
        return Pages.submit(() -> {
            WebhookViews.Created created = webhooks.create(new WebhookInput(Text.blankToNull(form.team),
                    Text.blankToNull(form.service), form.url, form.events == null ? List.of() : form.events,
                    Text.blankToNull(form.format), form.description));
            return Response.ok(Templates.list(webhooks.list(), created, new WebhookForm(), FormErrors.none(), null))
                    .build();
        }, e -> Templates.list(webhooks.list(), null, form, FormErrors.of(e, "url"), null), ProblemType.INVALID_INPUT);
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return Templates.detail(webhooks.get(id), webhooks.deliveries(id), webhooks.mayChange(id));
    }

    /** Removing a webhook cannot be undone (its secret and delivery log go with it), so the page asks first. */
    @GET
    @Path("{id}/delete")
    @RolesAllowed(Roles.ENGINEER)
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return Templates.confirmDelete(webhooks.toRemove(id));
    }

    @POST
    @Path("{id}/delete")
    @RolesAllowed(Roles.ENGINEER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Pages.seeOther("/settings/webhooks?notice=deleted");
    }
}
