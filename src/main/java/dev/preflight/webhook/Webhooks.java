package dev.preflight.webhook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.identity.CurrentCaller;
import dev.preflight.identity.Secrets;
import dev.preflight.launch.LaunchReminders;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.db.Sql;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.text.Keyed;
import dev.preflight.service.DrillFailed;
import dev.preflight.service.Service;
import dev.preflight.team.Team;

/**
 * Subscriptions of URLs to a team's or a service's events, and the deliveries owed to them. Members
 * of the team see them and their delivery logs; engineers among them and admins make and remove
 * them; others do not see them. A delivery is queued in the transaction of what it reports, so it is
 * never lost with a committed change and never sent for one that was rolled back.
 */
@ApplicationScoped
public class Webhooks {

    private static final int LOG_SIZE = 100;

    private static final WebhookViews.Counts NO_DELIVERIES = new WebhookViews.Counts(0, 0, 0);

    private final InputValidator validator;
    private final Access access;
    private final CurrentCaller caller;
    private final AuditLog audit;
    private final Targets targets;
    private final Sql sql;
    private final ObjectMapper json;

    Webhooks(InputValidator validator, Access access, CurrentCaller caller, AuditLog audit, Targets targets, Sql sql,
            ObjectMapper json) {
        this.validator = validator;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.targets = targets;
        this.sql = sql;
        this.json = json;
    }

    @Transactional
    public WebhookViews.Created create(WebhookInput input) {
        InputValidator.Errors errors = validator.check(input);
        boolean team = input.team() != null && !input.team().isBlank();
        boolean service = input.service() != null && !input.service().isBlank();
        if (team == service) {
            errors.add(team ? "service" : "team", "give either a team or a service, one of them");
        }
        Team owner = null;
        Service subject = null;
        if (team && !service) {
            owner = Team.findBySlug(input.team().trim()).orElse(null);
            if (owner == null) {
                errors.add("team", Team.missing(input.team().trim()));
            }
        }
        if (service && !team) {
            subject = Service.findBySlug(input.service().trim()).orElse(null);
            if (subject == null) {
                errors.add("service", Service.missing(input.service().trim()));
            } else {
                owner = subject.team;
            }
        }
        List<String> events = new ArrayList<>();
        for (String event : input.events() == null ? List.<String>of() : input.events()) {
            Keyed.byKey(WebhookEvent.class, event == null ? "" : event.trim()).ifPresentOrElse(e -> events.add(e.key()),
                    () -> errors.add("events", "'" + event + "' is not an event; use " + List.of(WebhookEvent.values())
                            .stream().map(WebhookEvent::key).collect(Collectors.joining(", "))));
        }
        WebhookFormat format = WebhookFormat.JSON;
        if (input.format() != null && !input.format().isBlank()) {
            format = switch (input.format().trim()) {
                case "json" -> WebhookFormat.JSON;
                case "slack" -> WebhookFormat.SLACK;
                default -> {
                    errors.add("format", "must be json or slack");
                    yield WebhookFormat.JSON;
                }
            };
        }
        // Only someone who may subscribe for the team learns what the allow-list says of the URL.
        Caller by = owner == null ? null : access.requireTeamWrite(owner);
        if (by != null && input.url() != null && !errors.has("url")) {
            String refusal = targets.refusal(input.url());
            if (refusal != null) {
                errors.add("url", refusal);
            }
        }
        errors.throwIfAny();
        Webhook webhook = new Webhook();
        webhook.teamId = subject == null ? owner.id : null;
        webhook.serviceId = subject == null ? null : subject.id;
        webhook.url = input.url().trim();
        webhook.format = format;
        webhook.events = events.stream().distinct().toArray(String[]::new);
        webhook.secret = "whsec_" + Secrets.random();
        webhook.description = input.description() == null ? "" : input.description().trim();
        webhook.createdBy = by.username();
        webhook.persistAndFlush();
        WebhookViews.Subscription view = view(webhook, NO_DELIVERIES);
        audit.record("webhook.create", "webhook", String.valueOf(webhook.id), null, view);
        return new WebhookViews.Created(view, webhook.secret);
    }

    /** The subscriptions the caller may see: all for admins, else those of the caller's teams and their services. */
    @Transactional
    public List<WebhookViews.Subscription> list() {
        Caller current = caller.get();
        List<Webhook> all = current.isAdmin() ? Webhook.listAll()
                : Webhook.list("teamId in ?1 or serviceId in (select s.id from Service s where s.team.id in ?1)",
                        current.teamIds().isEmpty() ? List.of(-1L) : current.teamIds());
        Map<Long, WebhookViews.Counts> counts = counts(all.stream().map(w -> w.id).toList());
        return all.stream().sorted((a, b) -> Long.compare(a.id, b.id))
                .map(w -> view(w, counts.getOrDefault(w.id, NO_DELIVERIES))).toList();
    }

    @Transactional
    public WebhookViews.Subscription get(long id) {
        return view(visible(id));
    }

    /** The subscription, for the page that asks before removing it: refused exactly as its removal would be. */
    @Transactional
    public WebhookViews.Subscription toRemove(long id) {
        Webhook webhook = visible(id);
        access.requireTeamWrite(teamOf(webhook));
        return view(webhook);
    }

    @Transactional
    public void delete(long id) {
        Webhook webhook = visible(id);
        access.requireTeamWrite(teamOf(webhook));
        WebhookViews.Subscription before = view(webhook);
        webhook.delete();
        audit.record("webhook.delete", "webhook", String.valueOf(id), before, null);
    }

    /**
     * The latest deliveries of the subscription, newest first. Why an attempt failed is shown in full
     * to admins; others see the receiver's status, or only that no connection was made, so that the
     * log does not describe the network behind the allow-list.
     */
    @Transactional
    public List<WebhookViews.Delivery> deliveries(long id) {
        visible(id);
        boolean admin = caller.get().isAdmin();
        return sql.inTransaction(c -> Sql.list(c, """
                SELECT id, event, status, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at
                FROM webhook_delivery WHERE webhook_id = ? ORDER BY id DESC LIMIT ?""",
                r -> {
                    Integer status = r.getObject("last_status", Integer.class);
                    return new WebhookViews.Delivery(r.getLong("id"), Keyed.byKey(WebhookEvent.class, r.getString("event")).orElseThrow(),
                            r.getString("status").toLowerCase(Locale.ROOT), r.getInt("attempts"),
                            Sql.instant(r, "next_attempt_at"), status,
                            admin ? r.getString("last_error") : WebhookDeliveries.shown(r.getString("last_error")),
                            Sql.instant(r, "created_at"), Sql.instant(r, "delivered_at"));
                }, id, LOG_SIZE));
    }

    /** Whether the caller may make or remove the subscription: for showing the form. */
    @Transactional
    public boolean mayChange(long id) {
        return access.mayChangeTeam(teamOf(visible(id)).id);
    }

    void reminded(@Observes LaunchReminders.Reminder reminder) {
        enqueue(Keyed.byKey(WebhookEvent.class, reminder.kind()).orElseThrow(), reminder.serviceId(), reminder.payload());
    }

    void drillFailed(@Observes DrillFailed drill) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", drill.serviceName() + ": " + drill.why());
        payload.put("service", Map.of("slug", drill.serviceSlug(), "name", drill.serviceName(),
                "link", "/services/" + drill.serviceSlug() + "/recovery"));
        payload.put("kind", drill.kind());
        payload.put("on", drill.on() == null ? null : drill.on().toString());
        enqueue(WebhookEvent.DRILL_FAILED, drill.serviceId(), payload);
    }

    /** Queues a delivery of the event to every subscription of the service or its team, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(WebhookEvent event, long serviceId, Map<String, Object> payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook payload could not be written", e);
        }
        sql.inTransaction(c -> Sql.first(c, "SELECT webhook_enqueue(?, ?, ?::jsonb)", r -> true, event.key(), serviceId,
                body));
    }

    /** The subscription, when the caller may see it; 404 otherwise, so others' subscriptions stay unknown. */
    private Webhook visible(long id) {
        Webhook webhook = Webhook.findById(id);
        Caller current = caller.get();
        if (webhook == null || !Access.seesTeamsOwn(current, teamOf(webhook).id)) {
            throw ProblemException.notFound("There is no webhook " + id + ".");
        }
        return webhook;
    }

    private static Team teamOf(Webhook webhook) {
        return webhook.teamId != null ? Team.findById(webhook.teamId)
                : Service.<Service>findById(webhook.serviceId).team;
    }

    private WebhookViews.Subscription view(Webhook webhook) {
        return view(webhook, counts(List.of(webhook.id)).getOrDefault(webhook.id, NO_DELIVERIES));
    }

    private WebhookViews.Subscription view(Webhook webhook, WebhookViews.Counts counts) {
        String team = webhook.teamId == null ? null : Team.<Team>findById(webhook.teamId).slug;
        String service = webhook.serviceId == null ? null : Service.<Service>findById(webhook.serviceId).slug;
        return new WebhookViews.Subscription(webhook.id, team, service, webhook.url, webhook.format,
                Arrays.stream(webhook.events).map(e -> Keyed.byKey(WebhookEvent.class, e).orElseThrow()).toList(), webhook.description,
                webhook.createdBy, webhook.createdAt, counts);
    }

    /** The deliveries of each subscription by status, in one query. */
    private Map<Long, WebhookViews.Counts> counts(List<Long> ids) {
        Map<Long, WebhookViews.Counts> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        sql.inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement("""
                    SELECT webhook_id, count(*) FILTER (WHERE status = 'PENDING'),
                        count(*) FILTER (WHERE status = 'DELIVERED'), count(*) FILTER (WHERE status = 'FAILED')
                    FROM webhook_delivery WHERE webhook_id = ANY (?) GROUP BY webhook_id""")) {
                statement.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        counts.put(r.getLong(1), new WebhookViews.Counts(r.getLong(2), r.getLong(3), r.getLong(4)));
                    }
                }
            }
            return null;
        });
        return counts;
    }
}
