package dev.preflight.launch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What someone last recorded for an item. What it counts as now is its {@link ItemCondition}. */
public enum ItemStatus {
    OPEN,
    DONE,
    NOT_APPLICABLE,
    BLOCKED,
    WAIVED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }

    public static Optional<ItemStatus> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
