package dev.preflight.platform.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A word of Preflight's vocabulary (a role, a state, a severity): written in JSON, forms, addresses
 * and the database by its key, the constant's name in lower case ({@code in_review}).
 */
public interface Keyed {

    String name();

    @JsonValue
    default String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of the vocabulary with the key, if there is one. */
    static <E extends Enum<E> & Keyed> Optional<E> byKey(Class<E> type, String key) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.key().equals(key)).findFirst();
    }
}
