package dev.preflight.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The text of the board's pages, used in templates as {@code {boardmsg:key}}; English in {@code messages/boardmsg.properties}. */
@MessageBundle("boardmsg")
public interface BoardMessages {

    @Message
    String title();

    @Message
    String intro(int days, int riskDays);

    @Message
    String filters();

    @Message
    String team();

    /** The team filter when empty: every team; a name or short name is typed, with suggestions. */
    @Message
    String team_placeholder();

    /** A typed team that matches none: the board shows every team instead. */
    @Message
    String team_unknown(String name);

    @Message
    String tier();

    @Message
    String state();

    @Message
    String risk();

    @Message
    String has();

    @Message
    String has_option(String key);

    @Message
    String from();

    @Message
    String to();

    @Message
    String template();

    @Message
    String apply();

    @Message
    String clear();

    @Message
    String export();

    @Message
    String heatmap_link();

    @Message
    String teams_link();

    @Message
    String summary();

    @Message
    String summary_scope(String team, boolean narrowed);

    @Message
    String summary_scope_note(String team);

    @Message
    String launches_stat();

    @Message
    String readiness_stat();

    @Message
    String stale_stat();

    @Message
    String overdue_stat();

    @Message
    String waivers_stat();

    /** "launches with failing checks". */
    @Message
    String failing_checks_stat(int launches);

    @Message
    String launches();

    @Message
    String launches_caption(int page);

    @Message
    String none();

    @Message
    String col_launch();

    @Message
    String col_service();

    @Message
    String col_target();

    @Message
    String col_state();

    @Message
    String col_readiness();

    @Message
    String col_blockers();

    @Message
    String col_signoffs();

    @Message
    String col_stale();

    @Message
    String col_overdue();

    @Message
    String col_waivers();

    @Message
    String days_left(long days);

    @Message
    String days_today();

    @Message
    String days_late(long days);

    @Message
    String teams();

    @Message
    String teams_intro();

    @Message
    String col_team();

    @Message
    String col_launches();

    @Message
    String col_average();

    @Message
    String no_teams();

    @Message
    String posture();

    @Message
    String posture_intro(int services, String team);

    @Message
    String problem(String key, int days);

    @Message
    String trend();

    @Message
    String trend_intro(String team);

    @Message
    String heatmap_title();

    @Message
    String heatmap_intro(int recentDays);

    @Message
    String heatmap_template();

    @Message
    String heatmap_none();

    @Message
    String heatmap_caption(String template);

    @Message
    String heatmap_cell(String title, int resolved, int required);

    @Message
    String heatmap_no_section();

    @Message
    String teams_title();

    @Message
    String teams_page_intro();

    @Message
    String recovery_title(String problem);

    @Message
    String recovery_none();

    @Message
    String col_targets();

    @Message
    String col_restore();

    @Message
    String col_runbook();

    @Message
    String never();

    @Message
    String targets_ok();

    @Message
    String targets_bad();

    @Message
    String targets_none();

    @Message
    String restore_overdue();

    @Message
    String drill_failed();

    @Message
    String runbook_complete();

    @Message
    String runbook_incomplete();

    @Message
    String exercised(java.time.LocalDate date);

    @Message
    String not_exercised();

    @Message
    String back();

    /** How the board names a launch's standing against its date. */
    @Message
    String risk_label(String key);

    /** How the board names what is wrong with a service's recovery set-up. */
    @Message
    String recovery_problem_label(String key);

    @Message
    String heatmap_choice(String name, int running);
}
