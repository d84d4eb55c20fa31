package dev.preflight.template;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long after go-live an after-launch item has: an ISO 8601 duration of whole hours, written
 * {@code P7D} when it is whole days and {@code PT36H} otherwise.
 */
public final class Window {

    public static final Duration LONGEST = Duration.ofDays(TemplateRules.MAX_RECURRENCE_DAYS);

    private Window() {
    }

    /** The duration a window names; null for none or one that is not a duration of whole hours. */
    public static Duration parse(String window) {
        if (window == null || window.isBlank()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(window.trim().toUpperCase(java.util.Locale.ROOT));
            return duration.isNegative() || duration.isZero() || duration.toMinutesPart() != 0
                    || duration.toSecondsPart() != 0 || duration.toNanosPart() != 0 ? null : duration;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The window written the one way; what cannot be read is kept as given, for the rules to report. */
    static String normalized(String window) {
        if (window == null || window.isBlank()) {
            return null;
        }
        Duration duration = parse(window);
        return duration == null ? window : format(duration);
    }

    static String format(Duration duration) {
        return duration.toHoursPart() == 0 ? "P" + duration.toDays() + "D" : "PT" + duration.toHours() + "H";
    }

    /** The window in words: "24 hours", "7 days". */
    public static String words(Duration duration) {
        long hours = duration.toHours();
        if (hours % 24 != 0 || hours == 24) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long days = hours / 24;
        return days + " days";
    }
}
