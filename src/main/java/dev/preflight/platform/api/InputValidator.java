package dev.preflight.platform.api;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.preflight.platform.problems.Problem;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.text.Text;

/**
 * Checks an input record's Bean Validation constraints together with rules that need the
 * database, and reports every failure at once, each naming its field. Every name and title of an
 * input record ({@code name}, {@code displayName}, {@code title}...) is refused when it hides
 * characters.
 */
@ApplicationScoped
public class InputValidator {

    /** Fields people and pages show as names or titles, which must not hide characters ({@link Text#hiddenCharacter}). */
    private static final Pattern NAMES = Pattern.compile("(^n|N)ame$|(^t|T)itle$");

    private final Validator validator;

    public InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** The date a form field holds (YYYY-MM-DD), null when blank; refused as invalid input otherwise. */
    public static LocalDate date(String field, String value) {
        Errors errors = new Errors();
        LocalDate date = errors.date(field, value);
        errors.throwIfAny();
        return date;
    }

    /** A collector for the failures of one input. */
    public Errors check(Object input) {
        return check(input, "", new Errors());
    }

    /** Adds the failures of a part of a larger input to its errors, each field named under the prefix. */
    public Errors check(Object input, String prefix, Errors errors) {
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            errors.add(prefix + violation.getPropertyPath(), violation.getMessage());
        }
        if (input != null && input.getClass().isRecord()) {
            for (RecordComponent component : input.getClass().getRecordComponents()) {
                if (component.getType() == String.class && NAMES.matcher(component.getName()).find()
                        && !errors.has(prefix + component.getName())) {
                    String hidden = Text.hiddenCharacter((String) read(component, input));
                    if (hidden != null) {
                        errors.add(prefix + component.getName(), hidden);
                    }
                }
            }
        }
        return errors;
    }

    private static Object read(RecordComponent component, Object input) {
        try {
            return component.getAccessor().invoke(input);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    /** Field errors gathered for one input; {@link #throwIfAny()} ends the request with them. */
    public static final class Errors {

        private final List<Problem.FieldError> list = new ArrayList<>();

        public Errors add(String field, String message) {
            list.add(new Problem.FieldError(field, message));
            return this;
        }

        /** An error in an uploaded document, at a line of it. */
        public Errors add(String field, String message, int line) {
            list.add(new Problem.FieldError(field, message, line));
            return this;
        }

        /** The date a form or query parameter holds (YYYY-MM-DD), null when blank; an error for the field otherwise. */
        public LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                add(field, "must be a date, YYYY-MM-DD");
                return null;
            }
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        public boolean has(String field) {
            return list.stream().anyMatch(e -> e.field().equals(field));
        }

        public void throwIfAny() {
            if (!list.isEmpty()) {
                list.sort(Comparator.comparing((Problem.FieldError e) -> e.line() == null ? 0 : e.line())
                        .thenComparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
                throw ProblemException.invalid(list);
            }
        }
    }
}
