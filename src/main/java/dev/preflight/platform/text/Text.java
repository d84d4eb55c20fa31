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

    /**
     * Why a name or title may not be shown as it is: it holds a character that reorders the text
     * around it (bidirectional overrides and isolates, which can make "exe.txt" read "txt.exe") or
     * one that shows nothing (zero-width spaces and joiners, invisible operators, soft hyphens,
     * fillers, tags, other format characters and controls but tabs and line breaks), so that two
     * names that look alike can differ; null when it holds none.
     */
    public static String hiddenCharacter(String value) {
        if (value == null) {
            return null;
        }
        return value.codePoints().filter(Text::hidden).mapToObj(
                c -> String.format("must not contain invisible or direction-changing characters (U+%04X)", c))
                .findFirst().orElse(null);
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || (type == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') || c == 0x115F || c == 0x1160
                || c == 0x3164 || c == 0xFFA0 || c == 0x034F || c == 0x2800;
    }
}
