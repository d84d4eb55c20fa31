package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.preflight.check.CheckKinds;
import dev.preflight.check.CheckOutcome;
import dev.preflight.platform.api.Versioned;
import dev.preflight.template.CheckBinding;
import dev.preflight.template.Evidence;
import dev.preflight.template.Phase;
import dev.preflight.template.SatisfiedBy;
import dev.preflight.template.Severity;
import dev.preflight.template.SignOff;

/** What the API and the pages show of launches, their items and their history. */
public final class LaunchViews {

    private LaunchViews() {
    }

    /** A launch without its items, as lists show it. */
    public record Summary(long id, String name, String service, String serviceName, String team, int tier,
            String template, int templateVersion, String environment, LocalDate targetDate, long daysLeft,
            LaunchState state, Progress progress, long version) {

        /** Days past the target date (for pages; negative while the date is ahead). */
        public long daysLate() {
            return -daysLeft;
        }

        static Summary of(Launch launch, Readiness readiness, LocalDate today) {
            return new Summary(launch.id, launch.name, launch.service.slug, launch.service.name, launch.service.team.slug,
                    launch.service.tier, launch.templateVersion.template.slug, launch.templateVersion.number,
                    launch.environment, launch.targetDate, ChronoUnit.DAYS.between(today, launch.targetDate),
                    launch.state, Progress.of(readiness), launch.version);
        }
    }

    /** The headline numbers of a launch's readiness. */
    public record Progress(int percent, int resolved, int required, int openBlockers, int missingSignOffs, int stale,
            int overdue, int waivers) {

        static Progress of(Readiness r) {
            return new Progress(r.percent(), r.resolved(), r.required(), r.openBlockers().size(),
                    r.missingSignOffs().size(), r.stale().size(), r.overdue().size(), r.waivers().size());
        }
    }

    /**
     * A launch with its readiness and items. {@code latestTemplateVersion} is the newest published
     * version of its template: when it is higher than {@code templateVersion} the launch can be upgraded.
     */
    public record Detail(long id, String name, String service, String serviceName, String team, int tier,
            String template, String templateName, int templateVersion, int latestTemplateVersion, String environment,
            LocalDate targetDate, long daysLeft, LaunchState state, List<LaunchState> next, String createdBy,
            Instant createdAt, Instant launchedAt, Instant closedAt, List<String> goAgreedBy, int goDeciders,
            Decision decision, Readiness readiness, List<Item> items, long version) implements Versioned {

        /** Days past the target date (for pages; negative while the date is ahead). */
        public long daysLate() {
            return -daysLeft;
        }
    }

    /** The go or no-go an approver recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(LaunchState decision, String decidedBy, Instant decidedAt, String rationale,
            String conditions) {

        static Decision of(Launch launch) {
            return launch.decision == null ? null
                    : new Decision(launch.decision, launch.decidedBy, launch.decidedAt, launch.decisionRationale,
                            launch.decisionConditions);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Waiver(String reason, String riskOwner, String compensatingControl, LocalDate expiresOn,
            String waivedBy, Instant waivedAt) {
    }

    /**
     * One item of a launch: what the template asks, what was recorded ({@code status}) and what it
     * counts as now ({@code condition}). {@code version} is what to send back in If-Match.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String key, String section, String sectionTitle, String title, String guidance,
            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Phase.Default.class) Phase phase,
            String window, Instant dueAt, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean leftOut,
            Severity severity, SignOff role, String signOffGroup, Evidence evidence, Integer recurrenceDays,
            ItemStatus status,
            ItemCondition condition, boolean resolved, SatisfiedBy satisfiedBy, String linkedState, String linkedPage,
            Check check, String evidenceLink, String evidenceNote, String reason,
            String assignee, String assigneeName, LocalDate dueDate, boolean overdue, String doneBy, Instant doneAt,
            Instant staleAt, String signedOffBy, Instant signedOffAt, Waiver waiver, Instant updatedAt,
            long version) implements Versioned {

        /** When the item is done, for pages: "after launch, within 24 hours"; empty before go-live. */
        public String phaseText() {
            return phase == Phase.BEFORE_GO_LIVE ? "" : phase.describe(window);
        }

        public static Item of(LaunchItem item, Instant now, LocalDate today) {
            ItemCondition condition = ItemCondition.of(item, now, today);
            Waiver waiver = item.status == ItemStatus.WAIVED
                    ? new Waiver(item.waiverReason, item.waiverRiskOwner, item.waiverControl, item.waiverExpires,
                            item.waivedBy, item.waivedAt)
                    : null;
            return new Item(item.key, item.sectionKey, item.sectionTitle, item.title, item.guidance, item.phase,
                    item.phaseWindow, item.dueAt, item.leftOut, item.severity,
                    item.signOff, item.signOffGroup, item.evidence, item.recurrenceDays, item.status, condition, condition.resolved(),
                    item.satisfiedBy, item.linked == null ? null : item.linked.why(),
                    item.linked == null ? null : item.linked.link(), Check.of(item),
                    item.evidenceLink, item.evidenceNote, item.reason,
                    item.assignee == null ? null : item.assignee.username,
                    item.assignee == null ? null : item.assignee.displayName, item.dueDate,
                    !condition.resolved() && ItemStanding.overdue(item, now, today), item.doneBy,
                    item.doneAt, ItemCondition.staleAt(item), item.signedOffBy, item.signedOffAt, waiver,
                    item.updatedAt, item.version);
        }
    }

    /**
     * The check that ticks an item: its kind, what it looks at (placeholders as the template wrote
     * them), and what it found last (no verdict before its first run).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String kind, String looksAt, CheckOutcome.Verdict verdict, String summary, Instant checkedAt) {

        static Check of(LaunchItem item) {
            if (item.checkBinding == null) {
                return null;
            }
            CheckBinding binding = CheckBinding.of(item.checkBinding);
            return new Check(binding.kind(), CheckKinds.described(binding.kind(), binding.config()), item.checkVerdict,
                    item.checkSummary, item.checkedAt);
        }

        /** The verdict as pages name it: passed, failed, not_run, or waiting before the first run. */
        public String verdictKey() {
            return verdict == null ? "waiting" : verdict.key();
        }

        /**
         * Whether the check decides the item: it ran and passed or failed. Until then (no run yet, or
         * the service does not record the address it needs) people may tick the item themselves.
         */
        public boolean decides() {
            return verdict == CheckOutcome.Verdict.PASSED || verdict == CheckOutcome.Verdict.FAILED;
        }
    }

    /** One entry of a launch's or an item's history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(long id, String item, Instant at, String actor, String role, String via, String action,
            String from, String to, String evidenceLink, String evidenceNote, String comment,
            Map<String, Object> details) {

        static Event of(LaunchEvent event, String itemKey) {
            return new Event(event.id, itemKey, event.occurredAt, event.actor, event.actorRole, event.via, event.action,
                    event.fromStatus, event.toStatus, event.evidenceLink, event.evidenceNote, event.comment,
                    event.details);
        }
    }

    /** The answer of the gate when a launch may go ahead. */
    public record GateOpen(long launch, String service, LaunchState state, String decidedBy, Instant decidedAt,
            String conditions, int percent) {
    }

    /** The result of changing several items in one request. */
    public record BulkResult(int changed, int unchanged, List<Item> items, Progress progress) {
    }

    /** What upgrading a launch to the newest template version would do. */
    public record UpgradePreview(String template, int fromVersion, int toVersion, List<UpgradeItem> added,
            List<UpgradeItem> removed, List<UpgradeItem> changed, int unchanged) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /**
     * An item an upgrade adds, drops or rewords; {@code status} is what it has recorded now (null for
     * new ones), {@code when} how its phase or condition changes.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record UpgradeItem(String key, String title, String section, ItemStatus status, String when) {
    }
}
