package dev.preflight.recovery;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A small SVG chart of measured recovery times, oldest drill first, against the service-wide RTO
 * (a dashed line): drawn on the server, with a title and a text alternative listing every value.
 * Only numbers and dates go into it, so nothing in it needs escaping.
 */
final class RecoveryChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final int PAD = 24;

    private RecoveryChart() {
    }

    /** The chart, or an empty string when no drill measured a recovery time. */
    static String svg(List<RecoveryViews.Drill> drills, Integer rtoMinutes) {
        List<RecoveryViews.Drill> measured = drills.stream().filter(d -> d.recoveryMinutes() != null)
                .sorted(Comparator.comparing(RecoveryViews.Drill::performedOn).thenComparing(RecoveryViews.Drill::id))
                .toList();
        if (measured.isEmpty()) {
            return "";
        }
        int max = Math.max(1, measured.stream().mapToInt(RecoveryViews.Drill::recoveryMinutes).max().orElse(1));
        if (rtoMinutes != null) {
            max = Math.max(max, rtoMinutes);
        }
        double step = measured.size() == 1 ? 0 : (WIDTH - 2.0 * PAD) / (measured.size() - 1);
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < measured.size(); i++) {
            RecoveryViews.Drill drill = measured.get(i);
            double x = PAD + i * step;
            double y = y(drill.recoveryMinutes(), max);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"%s\"/>", x, y,
                    drill.passed() ? "drill-pass" : "drill-fail"));
        }
        String rtoLine = rtoMinutes == null ? "" : String.format(Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"rto-line\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" class=\"rto-label\">RTO %s</text>",
                PAD, WIDTH - PAD, y(rtoMinutes, max), y(rtoMinutes, max), PAD, y(rtoMinutes, max) - 4,
                Durations.shown(rtoMinutes));
        String description = measured.stream().map(d -> d.performedOn() + ": " + d.recoveryTime()
                + (d.passed() ? " (passed)" : " (failed)")).collect(Collectors.joining("; "));
        return "<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" "
                + "aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<title id=\"chart-title\">Measured recovery times, oldest first</title>"
                + "<desc id=\"chart-desc\">" + description + "</desc>" + rtoLine
                + "<polyline points=\"" + points.toString().trim() + "\" class=\"recovery-line\"/>" + dots + "</svg>";
    }

    private static double y(int minutes, int max) {
        return HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * minutes / max;
    }
}
