package dev.preflight.identity;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.vertx.core.Context;

import dev.preflight.platform.security.FormTokens;
import dev.preflight.platform.security.Role;

/** The signed-in person as the page templates see them ({@code inject:me}): name, role and CSRF token. */
@Named("me")
@RequestScoped
public class Me implements FormTokens.Source {

    private final CurrentCaller current;
    private final CsrfTokens csrf;
    private String token;

    public Me(CurrentCaller current, CsrfTokens csrf) {
        this.current = current;
        this.csrf = csrf;
    }

    public boolean signedIn() {
        return caller().isPresent();
    }

    public String displayName() {
        return caller().map(Caller::displayName).orElse("");
    }

    public String role() {
        return caller().map(c -> c.role().key()).orElse("");
    }

    public boolean admin() {
        return caller().map(c -> Access.holds(c, Role.ADMIN)).orElse(false);
    }

    public boolean engineer() {
        return caller().map(c -> Access.holds(c, Role.ENGINEER)).orElse(false);
    }

    /** The user name, which live updates compare with a change's author to leave one's own changes be. */
    public String username() {
        return caller().map(Caller::username).orElse("");
    }

    /** Where pages put the token: filled in as the page is sent (see {@link FormTokens}). */
    public String csrfMark() {
        return FormTokens.csrfMark;
    }

    /**
     * The token every form and htmx request of this session must carry; empty when not signed in by
     * cookie. Worked out once per request: a launch page has a form on every item.
     */
    @Override
    public String csrf() {
        if (token == null) {
            token = caller().filter(Caller::byCookie).map(csrf::tokenFor).orElse("");
        }
        return token;
    }

    /**
     * The caller, when it can be known without blocking: an error page rendered on the I/O thread
     * (an address no resource serves) shows no account menu rather than wait for the database.
     */
    private Optional<Caller> caller() {
        return Context.isOnEventLoopThread() ? Optional.empty() : current.find();
    }
}
