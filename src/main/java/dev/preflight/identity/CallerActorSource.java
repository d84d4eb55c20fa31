package dev.preflight.identity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;

import dev.preflight.platform.Actor;

/** Names the current caller for the audit log; outside a request, the actor is the system. */
@ApplicationScoped
public class CallerActorSource implements Actor.Source {

    private final CurrentIdentityAssociation identities;

    public CallerActorSource(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @Override
    public Actor current() {
        if (!Arc.container().requestContext().isActive()) {
            return Actor.SYSTEM;
        }
        Caller caller = identities.getIdentity().getAttribute(Caller.ATTRIBUTE);
        return caller == null ? Actor.ANONYMOUS : actor(caller);
    }

    static Actor actor(Caller caller) {
        return new Actor(caller.userId(), caller.username(), caller.channel());
    }
}
