package dev.preflight.check;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A setting's text that may hold secrets ({@code Bearer ${secret.API_TOKEN}}): shown with each
 * secret as "(secret API_TOKEN)", and revealed only to be sent.
 */
record SecretText(List<Part> parts) {

    /** Literal text, or the name of a secret. */
    record Part(String text, boolean secret) {
    }

    SecretText {
        parts = List.copyOf(parts);
    }

    /** The text with each secret named instead of its value. */
    String shown() {
        return parts.stream().map(p -> p.secret() ? "(secret " + p.text() + ")" : p.text()).collect(Collectors.joining());
    }

    /** The text with each secret's value, which {@code value} gives by name. */
    String reveal(UnaryOperator<String> value) {
        return parts.stream().map(p -> p.secret() ? value.apply(p.text()) : p.text()).collect(Collectors.joining());
    }

    boolean hasSecret() {
        return parts.stream().anyMatch(Part::secret);
    }
}
