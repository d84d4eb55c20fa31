package dev.preflight.recovery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovery durations as people write and read them: "4 h", "15 min", "1 h 30 min", "2 d", "90m",
 * "1 day"; kept as whole minutes.
 */
public final class Durations {

    /** A year: no recovery target or backup interval is longer. */
    public static final int MAX_MINUTES = 365 * 24 * 60;

    private static final Pattern PART = Pattern.compile(
            "(\\d{1,6})\\s*(days|day|d|hours|hour|hrs|hr|h|minutes|minute|mins|min|m)");

    private Durations() {
    }

    /** Minutes of a duration such as "4 h" or "1 h 30 min"; null when it cannot be read. */
    public static Integer minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String rest = text.trim().toLowerCase(Locale.ROOT);
        Matcher part = PART.matcher(rest);
        long total = 0;
        int end = 0;
        boolean any = false;
        while (part.find()) {
            if (!rest.substring(end, part.start()).isBlank()) {
                return null;
            }
            long amount = Long.parseLong(part.group(1));
            total += switch (part.group(2).charAt(0)) {
                case 'd' -> amount * 24 * 60;
                case 'h' -> amount * 60;
                default -> amount;
            };
            end = part.end();
            any = true;
        }
        if (!any || !rest.substring(end).isBlank() || total > Integer.MAX_VALUE) {
            return null;
        }
        return (int) total;
    }

    /** The duration in the largest whole units: "4 h", "15 min", "1 h 30 min", "2 d", "0 min". */
    public static String shown(Integer minutes) {
        if (minutes == null) {
            return null;
        }
        if (minutes == 0) {
            return "0 min";
        }
        StringBuilder text = new StringBuilder();
        int days = minutes / (24 * 60);
        int hours = minutes % (24 * 60) / 60;
        int mins = minutes % 60;
        if (days > 0) {
            text.append(days).append(" d");
        }
        if (hours > 0) {
            text.append(text.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (mins > 0) {
            text.append(text.isEmpty() ? "" : " ").append(mins).append(" min");
        }
        return text.toString();
    }
}
