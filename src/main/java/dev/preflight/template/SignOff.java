package dev.preflight.template;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whose sign-off an item needs: an engineer of the owning team, or an approver. */
public enum SignOff {
    ENGINEER,
    APPROVER;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
