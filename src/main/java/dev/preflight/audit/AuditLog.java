package dev.preflight.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import dev.preflight.platform.Actor;
import dev.preflight.platform.RequestId;

/**
 * Records who did what, when and from where. A change and its audit event commit together:
 * {@link #record} joins the caller's transaction. Events about attempts that change nothing (a
 * failed sign-in) are written on their own with {@link #recordAttempt}.
 */
@ApplicationScoped
public class AuditLog {

    private final Actor.Source actors;
    private final CurrentVertxRequest request;
    private final ObjectMapper json;

    public AuditLog(Actor.Source actors, CurrentVertxRequest request, ObjectMapper json) {
        this.actors = actors;
        this.request = request;
        this.json = json;
    }

    /** Records an action of the current caller, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, String targetId, Object before, Object after) {
        write(actors.current(), action, targetType, targetId, before, after);
    }

    /** Records an action on behalf of a named actor (the user who just signed in), in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String targetType, String targetId, Object before, Object after) {
        write(actor, action, targetType, targetId, before, after);
    }

    /** Records an attempt in a transaction of its own, so that it stays even when the request fails. */
    public void recordAttempt(Actor actor, String action, String targetType, String targetId) {
        QuarkusTransaction.requiringNew().run(() -> write(actor, action, targetType, targetId, null, null));
    }

    private void write(Actor actor, String action, String targetType, String targetId, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now();
        event.actor = actor.name();
        event.actorId = actor.id();
        event.via = actor.channel();
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.before = toJson(before);
        event.after = toJson(after);
        RoutingContext current = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        if (current != null) {
            event.requestId = current.request().getHeader(RequestId.HEADER);
            event.sourceAddress = current.request().remoteAddress() == null ? null
                    : current.request().remoteAddress().hostAddress();
        }
        event.persist();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit snapshot could not be written as JSON", e);
        }
    }
}
