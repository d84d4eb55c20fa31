package dev.preflight.launch;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.qute.RawString;

import dev.preflight.platform.web.LineChart;

/**
 * A launch's burn-up: its required items resolved, day by day since it opened (recorded once a
 * day, and today as it is now), against the number required and the target date.
 */
final class BurnUp {

    private BurnUp() {
    }

    /** The launch's burn-up for its pages: the days recorded for it, and today as it is. */
    static RawString of(LaunchViews.Detail launch, List<LaunchSummaries.Day> days) {
        return new RawString(svg(LocalDate.ofInstant(launch.createdAt(), ZoneId.systemDefault()), launch.targetDate(),
                LocalDate.now(), days, launch.readiness().required(), launch.readiness().resolved()));
    }

    static String svg(LocalDate opened, LocalDate target, LocalDate today, List<LaunchSummaries.Day> days,
            int required, int resolved) {
        LocalDate start = days.isEmpty() || opened.isBefore(days.get(0).day()) ? opened : days.get(0).day();
        LocalDate end = target.isAfter(today) ? target : today;
        List<LineChart.Point> points = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (LaunchSummaries.Day day : days) {
            if (day.day().isBefore(today)) {
                points.add(new LineChart.Point(ChronoUnit.DAYS.between(start, day.day()), day.resolved(), null));
                said.add(day.day() + ": " + day.resolved() + " of " + day.required());
            }
        }
        points.add(new LineChart.Point(ChronoUnit.DAYS.between(start, today), resolved, "burn-today"));
        said.add("today (" + today + "): " + resolved + " of " + required);
        return new LineChart("burn-up", "Required items resolved over time", 600, 180)
                .line(points, "burn-line")
                .xRange(0, ChronoUnit.DAYS.between(start, end), start.toString(), end.toString())
                .yMax(required, String.valueOf(required))
                .horizontalRule(required, "required: " + required, "goal-line")
                .verticalRule(ChronoUnit.DAYS.between(start, target), "target " + target, "target-line")
                .svg("Required items resolved by day, target date " + target + ": "
                        + said.stream().collect(Collectors.joining("; ")) + ".");
    }
}
