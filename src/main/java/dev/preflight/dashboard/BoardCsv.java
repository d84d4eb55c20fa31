package dev.preflight.dashboard;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The board's launches as CSV (RFC 4180): one line a launch, every value quoted when it needs it,
 * and text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return) prefixed with an apostrophe.
 */
final class BoardCsv {

    static final String HEADER = "id,launch,service,service_name,team,team_name,tier,state,target_date,days_left,risk,"
            + "readiness_percent,required_resolved,required,open_blockers,missing_sign_offs,awaiting_sign_off,stale,"
            + "overdue,waivers\r\n";

    private BoardCsv() {
    }

    static String line(BoardViews.Row row) {
        return List.of(String.valueOf(row.id()), row.name(), row.service(), row.serviceName(), row.team(),
                row.teamName(), String.valueOf(row.tier()), row.state().key(), row.targetDate().toString(),
                String.valueOf(row.daysLeft()), row.risk().key(), String.valueOf(row.percent()),
                String.valueOf(row.resolved()), String.valueOf(row.required()), String.valueOf(row.openBlockers()),
                String.valueOf(row.missingSignOffs()), String.valueOf(row.awaitingSignOff()), String.valueOf(row.stale()),
                String.valueOf(row.overdue()), String.valueOf(row.waivers())).stream().map(BoardCsv::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || !text.equals(text.strip())) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+");
    }
}
