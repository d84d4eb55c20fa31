package dev.preflight.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The automated check an item carries: its kind and the kind's settings, written in a template as
 * one mapping ({@code check: {kind: tls, url: "${service.baseUrl}"}}). Strings may name the
 * service's addresses as placeholders, filled when the check runs.
 */
public record CheckBinding(String kind, Map<String, Object> config) {

    public CheckBinding {
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Reads the mapping a template holds: "kind" and the settings beside it. */
    @JsonCreator
    public static CheckBinding of(Map<String, Object> fields) {
        Map<String, Object> config = new LinkedHashMap<>(fields);
        Object kind = config.remove("kind");
        return new CheckBinding(kind instanceof String text ? text : null, config);
    }

    /** Reads the mapping as the database keeps it, in JSON. */
    public static CheckBinding parse(ObjectMapper json, String text) {
        try {
            return of(json.readValue(text, new TypeReference<Map<String, Object>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An item's check is not JSON", e);
        }
    }

    /** The mapping a template holds: the kind first, then its settings. */
    @JsonValue
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.putAll(config);
        return fields;
    }
}
