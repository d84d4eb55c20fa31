package dev.preflight.dashboard;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import dev.preflight.platform.web.LineChart;

/** The board's trend: the average readiness of the running launches, day by day over the last weeks. */
final class TrendChart {

    private TrendChart() {
    }

    static String svg(List<BoardViews.TrendPoint> trend) {
        BoardViews.TrendPoint first = trend.get(0);
        BoardViews.TrendPoint last = trend.get(trend.size() - 1);
        List<LineChart.Point> points = trend.stream().map(p -> new LineChart.Point(
                ChronoUnit.DAYS.between(first.day(), p.day()), p.percent(), p == last ? "burn-today" : null)).toList();
        return new LineChart("trend", "Average readiness of running launches", 600, 160)
                .line(points, "burn-line")
                .xRange(0, Math.max(1, ChronoUnit.DAYS.between(first.day(), last.day())), first.day().toString(),
                        last.day().toString())
                .yMax(100, "100%")
                .svg("Average readiness by day: " + trend.stream()
                        .map(p -> p.day() + ": " + p.percent() + "% of " + p.launches() + " launches, "
                                + p.openBlockers() + " blockers open")
                        .collect(Collectors.joining("; ")) + ".");
    }
}
