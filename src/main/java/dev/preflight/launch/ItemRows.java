package dev.preflight.launch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.check.CheckOutcome;
import dev.preflight.identity.User;
import dev.preflight.platform.db.Sql;
import dev.preflight.template.Evidence;
import dev.preflight.template.Phase;
import dev.preflight.template.SatisfiedBy;
import dev.preflight.template.Severity;
import dev.preflight.template.SignOff;

/**
 * Reads a launch's items for showing them, in one query and without managing them as entities:
 * a launch page shows a hundred and fifty items and changes none, so tracking each for changes
 * would cost more than reading it. The items read are detached copies, for views only.
 */
@ApplicationScoped
class ItemRows {

    private static final String QUERY = """
            SELECT i.id, i.key, i.position, i.section_key, i.section_title, i.title, i.guidance, i.severity,
                i.sign_off, i.sign_off_group, i.evidence, i.recurrence_days, i.satisfied_by, i.status, i.evidence_link,
                i.evidence_note, i.reason, i.due_date, i.done_by, i.done_at, i.signed_off_by, i.signed_off_at,
                i.waiver_reason, i.waiver_risk_owner, i.waiver_control, i.waiver_expires, i.waived_by, i.waived_at,
                i.phase, i.phase_window, i.due_at, i.left_out, i.check_binding::text AS check_binding,
                i.check_verdict, i.check_summary, i.checked_at, i.created_at, i.updated_at, i.version, u.username AS assignee, u.display_name AS assignee_name
            FROM launch_item i LEFT JOIN app_user u ON u.id = i.assignee_id
            WHERE i.launch_id = ? AND i.removed_at IS NULL ORDER BY i.position""";

    private final Sql sql;
    private final ObjectMapper json;

    ItemRows(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** The launch's current items in checklist order, as the current transaction sees them. */
    List<LaunchItem> of(Launch launch) {
        return sql.inTransaction(c -> Sql.list(c, QUERY, r -> item(launch, r), launch.id));
    }

    private LaunchItem item(Launch launch, ResultSet r) throws SQLException {
        LaunchItem item = new LaunchItem();
        item.id = r.getLong("id");
        item.launch = launch;
        item.key = r.getString("key");
        item.position = r.getInt("position");
        item.sectionKey = r.getString("section_key");
        item.sectionTitle = r.getString("section_title");
        item.title = r.getString("title");
        item.guidance = r.getString("guidance");
        item.severity = Severity.valueOf(r.getString("severity"));
        item.signOff = SignOff.valueOf(r.getString("sign_off"));
        item.signOffGroup = r.getString("sign_off_group");
        item.evidence = Evidence.valueOf(r.getString("evidence"));
        int recurrence = r.getInt("recurrence_days");
        item.recurrenceDays = r.wasNull() ? null : recurrence;
        String satisfiedBy = r.getString("satisfied_by");
        item.satisfiedBy = satisfiedBy == null ? null : SatisfiedBy.valueOf(satisfiedBy);
        item.status = ItemStatus.valueOf(r.getString("status"));
        item.evidenceLink = r.getString("evidence_link");
        item.evidenceNote = r.getString("evidence_note");
        item.reason = r.getString("reason");
        item.dueDate = Sql.date(r, "due_date");
        item.doneBy = r.getString("done_by");
        item.doneAt = Sql.instant(r, "done_at");
        item.signedOffBy = r.getString("signed_off_by");
        item.signedOffAt = Sql.instant(r, "signed_off_at");
        item.waiverReason = r.getString("waiver_reason");
        item.waiverRiskOwner = r.getString("waiver_risk_owner");
        item.waiverControl = r.getString("waiver_control");
        item.waiverExpires = Sql.date(r, "waiver_expires");
        item.waivedBy = r.getString("waived_by");
        item.waivedAt = Sql.instant(r, "waived_at");
        item.phase = Phase.valueOf(r.getString("phase"));
        item.phaseWindow = r.getString("phase_window");
        item.dueAt = Sql.instant(r, "due_at");
        item.leftOut = r.getBoolean("left_out");
        String check = r.getString("check_binding");
        if (check != null) {
            try {
                item.checkBinding = json.readValue(check, new TypeReference<>() {
                });
            } catch (JsonProcessingException e) {
                throw new SQLException("the check of item " + item.key + " is not JSON", e);
            }
            String verdict = r.getString("check_verdict");
            item.checkVerdict = verdict == null ? null : CheckOutcome.Verdict.valueOf(verdict);
            item.checkSummary = r.getString("check_summary");
            item.checkedAt = Sql.instant(r, "checked_at");
        }
        item.createdAt = Sql.instant(r, "created_at");
        item.updatedAt = Sql.instant(r, "updated_at");
        item.version = r.getLong("version");
        String assignee = r.getString("assignee");
        if (assignee != null) {
            User user = new User();
            user.username = assignee;
            user.displayName = r.getString("assignee_name");
            item.assignee = user;
        }
        return item;
    }
}
