package dev.preflight.platform.api;

import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;

/** Checks shared by the JSON resources before their input reaches the domain. */
public final class ApiInput {

    private ApiInput() {
    }

    /** The request body, refused with a problem when the request carried none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON body is required.");
        }
        return body;
    }
}
