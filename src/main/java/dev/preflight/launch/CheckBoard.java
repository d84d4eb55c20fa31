package dev.preflight.launch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.check.CheckKinds;
import dev.preflight.check.CheckOutcome;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.db.Sql;
import dev.preflight.service.ServiceLaunches;
import dev.preflight.template.CheckBinding;

/**
 * The latest result of every check of the running launches (not closed or cancelled), across
 * services or for one: failing checks first, then those that could not run, those still waiting
 * for their first run, and the passing ones.
 */
@ApplicationScoped
public class CheckBoard {

    /** One checked item and what its check found last. */
    public record Row(String service, String serviceName, long launchId, String launchName, LaunchState launchState,
            String itemKey, String itemTitle, String kind, String looksAt, CheckOutcome.Verdict verdict, String summary,
            Instant checkedAt) {

        /** The verdict as pages name it: passed, failed, not_run, or waiting before the first run. */
        public String verdictKey() {
            return verdict == null ? "waiting" : verdict.key();
        }
    }

    private static final String FROM = """
            FROM launch_item i JOIN launch l ON l.id = i.launch_id JOIN service s ON s.id = l.service_id
            WHERE i.check_binding IS NOT NULL AND i.removed_at IS NULL AND NOT i.left_out
                AND l.state NOT IN ('CLOSED', 'CANCELLED') AND (?::text IS NULL OR s.slug = ?)""";

    private final Sql sql;
    private final ObjectMapper json;

    CheckBoard(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** A page of checks, failing first; {@code service} is a slug, or null for every service. */
    public Page<Row> rows(String service, boolean failingOnly, Page.Request paging) {
        return sql.read(c -> {
            String failing = failingOnly ? " AND i.check_verdict = 'FAILED'" : "";
            long total = Sql.first(c, "SELECT count(*) " + FROM + failing, r -> r.getLong(1), service, service);
            List<Row> rows = Sql.list(c, """
                    SELECT s.slug, s.name AS service_name, l.id AS launch_id, l.name AS launch_name, l.state, i.key,
                        i.title, i.check_binding::text AS binding, i.check_verdict, i.check_summary, i.checked_at
                    """ + FROM + failing + """
                     ORDER BY CASE i.check_verdict WHEN 'FAILED' THEN 0 WHEN 'NOT_RUN' THEN 1 WHEN 'PASSED' THEN 3 ELSE 2 END,
                        s.name, l.id, i.position LIMIT ? OFFSET ?""", r -> {
                CheckBinding binding = CheckBinding.parse(json, r.getString("binding"));
                String verdict = r.getString("check_verdict");
                return new Row(r.getString("slug"), r.getString("service_name"), r.getLong("launch_id"),
                        r.getString("launch_name"), LaunchState.valueOf(r.getString("state")), r.getString("key"),
                        r.getString("title"), binding.kind(), CheckKinds.described(binding.kind(), binding.config()),
                        verdict == null ? null : CheckOutcome.Verdict.valueOf(verdict), r.getString("check_summary"),
                        Sql.instant(r, "checked_at"));
            }, service, service, paging.size(), paging.offset());
            return new Page<>(rows, paging.page(), paging.size(), total);
        });
    }

    /** How many checks of each verdict; {@code service} is a slug, or null for every service. */
    public ServiceLaunches.Checks counts(String service) {
        return sql.read(c -> counts(c, service));
    }

    private static ServiceLaunches.Checks counts(Connection c, String service) throws SQLException {
        List<Long> counts = new ArrayList<>();
        Sql.first(c, """
                SELECT count(*) FILTER (WHERE i.check_verdict = 'FAILED'),
                    count(*) FILTER (WHERE i.check_verdict = 'NOT_RUN'), count(*) FILTER (WHERE i.check_verdict IS NULL),
                    count(*) FILTER (WHERE i.check_verdict = 'PASSED') """ + FROM, r -> {
            for (int column = 1; column <= 4; column++) {
                counts.add(r.getLong(column));
            }
            return true;
        }, service, service);
        return new ServiceLaunches.Checks(counts.get(0), counts.get(1), counts.get(2), counts.get(3));
    }
}
