package dev.preflight.template;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much an item matters: blockers and majors are required for a go, minors are recommended. */
public enum Severity {
    BLOCKER,
    MAJOR,
    MINOR;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }

    public boolean required() {
        return this != MINOR;
    }
}
