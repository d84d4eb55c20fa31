package dev.preflight.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a service stands in its life; written in lower case in JSON and URLs. */
public enum Lifecycle {
    PLANNED,
    LAUNCHING,
    PRODUCTION,
    RETIRED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }

    public static Optional<Lifecycle> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key().equals(key)).findFirst();
    }
}
