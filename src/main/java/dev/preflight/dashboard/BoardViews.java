package dev.preflight.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.qute.TemplateEnum;
import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.launch.LaunchState;

/** What the go-live board shows: launches with their readiness, roll-ups by team, recovery posture, trends. */
public final class BoardViews {

    private BoardViews() {
    }

    /** How a launch stands against its target date. */
    @TemplateEnum
    public enum Risk {
        /** Running, and the target date has passed. */
        LATE,
        /** Running, due within the warning window, with a blocker open or a sign-off missing. */
        AT_RISK,
        /** Running, with nothing in its way yet or time to clear it. */
        ON_TRACK,
        /** Launched or cancelled. */
        OVER;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String label() {
            return MessageBundles.get(BoardMessages.class).risk_label(key());
        }
    }

    /**
     * One launch on the board.
     *
     * @param daysLeft days until the target date (negative when it has passed)
     */
    public record Row(long id, String name, String service, String serviceName, String team, String teamName, int tier,
            LaunchState state, LocalDate targetDate, long daysLeft, int percent, int resolved, int required,
            int openBlockers, int missingSignOffs, int awaitingSignOff, int stale, int overdue, int waivers, Risk risk) {

        /** Days past the target date, for pages. */
        public long daysLate() {
            return -daysLeft;
        }

        /** Late or at risk: marked on the board. */
        public boolean flagged() {
            return risk == Risk.LATE || risk == Risk.AT_RISK;
        }
    }

    /**
     * Sums over the running launches in scope (every team, or one).
     *
     * @param percent the average readiness of those launches
     */
    public record Totals(int launches, int percent, int openBlockers, int missingSignOffs, int stale, int overdue,
            int waivers) {
    }

    /** One team's running launches, summed up. */
    public record TeamRow(String team, String name, int launches, int percent, int openBlockers, int missingSignOffs,
            int stale, int overdue, int waivers) {
    }

    /**
     * Services in use (not retired) and what is wrong with their recovery set-up.
     *
     * @param drillsOverdueOrFailed the last successful restore test is too old (or there is none), or the latest
     *                              drill did not pass
     */
    public record Posture(int services, int noTargets, int inconsistentTargets, int drillsOverdueOrFailed,
            int runbookIncomplete, int runbookNotExercised, int dutiesDue) {
    }

    /** The average readiness of the running launches on one day. */
    public record TrendPoint(LocalDate day, int launches, int percent, int openBlockers) {
    }

    /** A page of the board. {@code more} says whether another page follows. */
    public record Board(BoardFilter filter, LocalDate today, Totals totals, List<Row> launches, boolean more,
            List<TeamRow> teams, Posture posture, int launchesWithFailingChecks, List<TrendPoint> trend) {
    }

    /** A service and the recovery problem it has, for the posture's lists. */
    public record PostureRow(String service, String serviceName, String team, String teamName, int tier,
            boolean hasTargets, boolean targetsConsistent, LocalDate lastRestoreTest, boolean latestDrillFailed,
            boolean restoreTestOverdue, boolean runbookComplete, LocalDate runbookExercised) {
    }

    /** The sections of one template's launches against each other: a row per launch, a cell per section. */
    public record Heatmap(String template, String templateName, List<Column> columns, List<HeatRow> rows,
            boolean more) {
    }

    public record Column(String key, String title) {
    }

    /** One launch in the heatmap; {@code cells} holds a cell per column, null where its checklist has no such section. */
    public record HeatRow(Row launch, List<Cell> cells) {
    }

    /** One section of one launch: the share of its required items resolved (100 when it requires none). */
    public record Cell(String section, String title, int required, int resolved, int percent) {

        /** A band of ten for the colour scale: 0 (nothing resolved) to 10 (all). */
        public int band() {
            return percent / 10;
        }
    }

    /** The templates launches are running on, to choose the heatmap's. */
    public record TemplateChoice(String slug, String name, int launches) {
    }
}
