package dev.preflight.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.preflight.platform.web.LineChart;

/**
 * A small chart of measured recovery times, oldest drill first, against the service-wide RTO (a
 * dashed line), with a text alternative listing every value.
 */
final class RecoveryChart {

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
        List<LineChart.Point> points = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            RecoveryViews.Drill drill = measured.get(i);
            points.add(new LineChart.Point(i, drill.recoveryMinutes(), drill.passed() ? "drill-pass" : "drill-fail"));
        }
        LineChart chart = new LineChart("recovery-chart", "Measured recovery times, oldest first", 600, 160)
                .line(points, "recovery-line")
                .xRange(0, Math.max(1, measured.size() - 1), measured.get(0).performedOn().toString(),
                        measured.get(measured.size() - 1).performedOn().toString())
                .yMax(max, Durations.shown(max));
        if (rtoMinutes != null) {
            chart.horizontalRule(rtoMinutes, "RTO " + Durations.shown(rtoMinutes), "rto-line");
        }
        return chart.svg(measured.stream().map(d -> d.performedOn() + ": " + d.recoveryTime()
                + (d.passed() ? " (passed)" : " (failed)")).collect(Collectors.joining("; ")));
    }
}
