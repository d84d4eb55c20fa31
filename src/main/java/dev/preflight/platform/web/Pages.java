package dev.preflight.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;

/** Small habits shared by the HTML resources. */
public final class Pages {

    /** Notices a page may show after a redirect; anything else in the query string is ignored. */
    private static final Set<String> NOTICES = Set.of("created", "updated", "deleted", "unchanged", "checked");

    private Pages() {
    }

    /** After a successful form post: 303 to the page that shows the result (post/redirect/get). */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /**
     * Runs a form's action. When the action is refused for one of the reasons the form can explain
     * (invalid input, a stale version, a conflict), answers with the form again, showing why, with the
     * refusal's status; any other refusal goes to the error page.
     */
    public static Response submit(Supplier<Response> action, Function<ProblemException, TemplateInstance> formAgain,
            ProblemType... explained) {
        try {
            return action.get();
        } catch (ProblemException e) {
            if (!List.of(explained).contains(e.type())) {
                throw e;
            }
            return Response.status(e.type().status()).entity(formAgain.apply(e)).build();
        }
    }

    /** The notice named in a query string if it is one the pages know, else null: never echoes input. */
    public static String notice(String requested) {
        return requested != null && NOTICES.contains(requested) ? requested : null;
    }
}
