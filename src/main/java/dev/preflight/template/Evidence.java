package dev.preflight.template;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What proof an item needs when it is marked done. */
public enum Evidence {
    NONE,
    LINK,
    NOTE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
