package dev.preflight.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How pages show a moment: to the minute, in UTC ({@code {at.shown}}); the exact value goes in {@code datetime}. */
@TemplateExtension
public final class TimeDisplay {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeDisplay() {
    }

    static String shown(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }
}
