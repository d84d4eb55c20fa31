package dev.preflight.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.preflight.platform.problems.Problem;
import dev.preflight.platform.problems.ProblemException;

/** Field errors of a refused form, as the pages show them: the first message per field. */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError error : e.errors()) {
            errors.putIfAbsent(error.field(), error.message());
        }
        return errors;
    }

    /** The field errors, or, for a refusal that names no field, its message shown at {@code field}. */
    public static Map<String, String> of(ProblemException e, String field) {
        return e.errors().isEmpty() ? Map.of(field, e.getMessage()) : of(e);
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
