package dev.preflight.platform.text;

/** Small rules about text that people type. */
public final class Text {

    private Text() {
    }

    /** Null for a missing or blank value, the trimmed value otherwise. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
