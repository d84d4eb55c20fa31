package dev.preflight.platform.text;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV (RFC 4180) that spreadsheets open safely: values quoted when they need it, and text a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
 * prefixed with an apostrophe.
 */
public final class Csv {

    private Csv() {
    }

    /** One line, ended with CRLF; null values are empty cells. */
    public static String line(List<String> values) {
        return values.stream().map(v -> cell(v == null ? "" : v)).collect(Collectors.joining(",", "", "\r\n"));
    }

    public static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || !text.equals(text.strip())) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
