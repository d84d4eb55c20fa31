package dev.preflight.identity;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the request being served. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Caller> find() {
        return Optional.ofNullable(identity.getAttribute(Caller.ATTRIBUTE));
    }

    /** The caller; anonymous requests end here with 401 (or the sign-in page). */
    public Caller get() {
        return find().orElseThrow(UnauthorizedException::new);
    }
}
