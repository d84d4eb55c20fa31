package dev.preflight.platform.text;

/** Small rules about text that people type. */
public final class Text {

    private Text() {
    }

    /** Null for a missing or blank value, the trimmed value otherwise. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Text of several lines as it is kept: line breaks as {@code \n} whatever the browser or file
     * sent ({@code \r\n}, {@code \r}), no blank lines or spaces at the start or end, and one final
     * line break, so that the same words typed in a browser, imported from YAML or sent over the API
     * are equal; null when blank.
     */
    public static String block(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lines = value.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        return lines.replaceFirst("^(?:[ \t]*\n)+", "") + "\n";
    }
}
