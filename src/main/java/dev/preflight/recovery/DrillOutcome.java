package dev.preflight.recovery;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a drill went, as the people running it judged it. */
public enum DrillOutcome {
    SUCCESS,
    PARTIAL,
    FAILED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
