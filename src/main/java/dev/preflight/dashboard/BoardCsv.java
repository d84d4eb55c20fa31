package dev.preflight.dashboard;

import java.util.List;

import dev.preflight.platform.text.Csv;

/** The board's launches as CSV ({@link Csv}): one line a launch. */
final class BoardCsv {

    static final String HEADER = "id,launch,service,service_name,team,team_name,tier,state,target_date,days_left,risk,"
            + "readiness_percent,required_resolved,required,open_blockers,missing_sign_offs,awaiting_sign_off,stale,"
            + "overdue,waivers\r\n";

    private BoardCsv() {
    }

    static String line(BoardViews.Row row) {
        return Csv.line(List.of(String.valueOf(row.id()), row.name(), row.service(), row.serviceName(), row.team(),
                row.teamName(), String.valueOf(row.tier()), row.state().key(), row.targetDate().toString(),
                String.valueOf(row.daysLeft()), row.risk().key(), String.valueOf(row.percent()),
                String.valueOf(row.resolved()), String.valueOf(row.required()), String.valueOf(row.openBlockers()),
                String.valueOf(row.missingSignOffs()), String.valueOf(row.awaitingSignOff()), String.valueOf(row.stale()),
                String.valueOf(row.overdue()), String.valueOf(row.waivers())));
    }
}
