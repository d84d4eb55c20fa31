package dev.preflight.identity;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The signed-in person as the page templates see them ({@code inject:me}): name, role and CSRF token. */
@Named("me")
@RequestScoped
public class Me {

    private final CurrentCaller current;
    private final CsrfTokens csrf;
    private final AuthMode mode;

    public Me(CurrentCaller current, CsrfTokens csrf, AuthMode mode) {
        this.current = current;
        this.csrf = csrf;
        this.mode = mode;
    }

    public boolean signedIn() {
        return caller().isPresent();
    }

    public String username() {
        return caller().map(Caller::username).orElse("");
    }

    public String displayName() {
        return caller().map(Caller::displayName).orElse("");
    }

    public String role() {
        return caller().map(c -> c.role().key()).orElse("");
    }

    public boolean admin() {
        return caller().map(Caller::isAdmin).orElse(false);
    }

    public boolean engineer() {
        return caller().map(c -> c.role().includes(Role.ENGINEER)).orElse(false);
    }

    public boolean localAccounts() {
        return !mode.oidc();
    }

    /** The token every form and htmx request of this session must carry; empty when not signed in by cookie. */
    public String csrf() {
        return caller().filter(Caller::byCookie).map(csrf::tokenFor).orElse("");
    }

    private Optional<Caller> caller() {
        return current.find();
    }
}
