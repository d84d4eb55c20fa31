package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.panache.common.Sort;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

import dev.preflight.check.CheckOutcome;
import dev.preflight.identity.User;
import dev.preflight.platform.db.BaseEntity;
import dev.preflight.template.Evidence;
import dev.preflight.template.Phase;
import dev.preflight.template.SatisfiedBy;
import dev.preflight.template.Severity;
import dev.preflight.template.SignOff;
import dev.preflight.template.TemplateContent;

/**
 * One item of a launch: a copy of the template item it came from (so template edits never rewrite
 * a running launch) and what has been recorded for it since.
 */
@Entity
@Table(name = "launch_item")
public class LaunchItem extends BaseEntity {

    /** Starts the reason of an item its condition left out. */
    static final String LEFT_OUT = "Left out by its condition: ";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "launch_id", nullable = false)
    public Launch launch;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public int position;

    @Column(name = "section_key", nullable = false)
    public String sectionKey;

    @Column(name = "section_title", nullable = false)
    public String sectionTitle;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String guidance = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "sign_off", nullable = false)
    public SignOff signOff;

    /** The sign-off group whose members sign the item off; null for any approver. */
    @Column(name = "sign_off_group")
    public String signOffGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Evidence evidence;

    @Column(name = "recurrence_days")
    public Integer recurrenceDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase = Phase.BEFORE_GO_LIVE;

    /** An after-launch item's window after go-live (ISO 8601, P7D); null for other phases. */
    @Column(name = "phase_window")
    public String phaseWindow;

    /** When an after-launch item is due: set when the launch goes live. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** Marked not applicable because the service's traits do not meet the template's condition. */
    @Column(name = "left_out", nullable = false)
    public boolean leftOut;

    /** The recovery data that satisfies the item instead of a manual tick; null for a manual item. */
    @Enumerated(EnumType.STRING)
    @Column(name = "satisfied_by")
    public SatisfiedBy satisfiedBy;

    /** The check that ticks the item (kind and settings, as its template wrote them); null when people tick it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "check_binding")
    public Map<String, Object> checkBinding;

    /** What the item's check found last; null before it first ran. */
    @Enumerated(EnumType.STRING)
    @Column(name = "check_verdict")
    public CheckOutcome.Verdict checkVerdict;

    /** That finding in one line. */
    @Column(name = "check_summary")
    public String checkSummary;

    @Column(name = "checked_at")
    public Instant checkedAt;

    /** The live state of that recovery data, attached by {@link LinkedEvidence} when the item is read. */
    @Transient
    public LinkedEvidence.State linked;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemStatus status = ItemStatus.OPEN;

    @Column(name = "evidence_link")
    public String evidenceLink;

    @Column(name = "evidence_note")
    public String evidenceNote;

    /** Why the item is not applicable or blocked. */
    public String reason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public User assignee;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "done_by")
    public String doneBy;

    /** When the item was last marked done: a recurring item is verified until this plus its period. */
    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "signed_off_by")
    public String signedOffBy;

    @Column(name = "signed_off_at")
    public Instant signedOffAt;

    @Column(name = "waiver_reason")
    public String waiverReason;

    @Column(name = "waiver_risk_owner")
    public String waiverRiskOwner;

    @Column(name = "waiver_control")
    public String waiverControl;

    @Column(name = "waiver_expires")
    public LocalDate waiverExpires;

    @Column(name = "waived_by")
    public String waivedBy;

    @Column(name = "waived_at")
    public Instant waivedAt;

    /** Set when a template upgrade dropped the item from the checklist; its history stays. */
    @Column(name = "removed_at")
    public Instant removedAt;

    /** Takes the template item's words and rules, at the given place in the checklist. */
    void copyFrom(TemplateContent.Section section, TemplateContent.Item source, int position) {
        this.position = position;
        sectionKey = section.key();
        sectionTitle = section.title();
        title = source.title();
        guidance = Objects.requireNonNullElse(source.guidance(), "");
        severity = source.severity();
        signOff = source.role();
        signOffGroup = section.signOffGroupOf(source);
        evidence = source.evidence();
        recurrenceDays = source.recurrenceDays();
        satisfiedBy = source.satisfiedBy();
        checkBinding = source.check() == null ? null : source.check().fields();
        phase = source.phase();
        phaseWindow = source.window();
    }

    /** Leaves the item out (not applicable, with the reason) or brings it back, as its condition says. */
    void applyCondition(Optional<String> leftOutBecause) {
        if (leftOutBecause.isPresent()) {
            status = ItemStatus.NOT_APPLICABLE;
            reason = LEFT_OUT + leftOutBecause.get();
            leftOut = true;
        } else if (leftOut) {
            status = ItemStatus.OPEN;
            reason = null;
            leftOut = false;
        }
    }

    /** Forgets everything recorded: an item an upgrade brings back starts open, as a new one. */
    void reset() {
        status = ItemStatus.OPEN;
        evidenceLink = null;
        evidenceNote = null;
        reason = null;
        assignee = null;
        dueDate = null;
        doneBy = null;
        doneAt = null;
        signedOffBy = null;
        signedOffAt = null;
        waiverReason = null;
        waiverRiskOwner = null;
        waiverControl = null;
        waiverExpires = null;
        waivedBy = null;
        waivedAt = null;
        dueAt = null;
        leftOut = false;
        checkVerdict = null;
        checkSummary = null;
        checkedAt = null;
    }

    /** Whether the item is on the launch's checklist (an upgrade may have dropped it). */
    public boolean current() {
        return removedAt == null;
    }

    /** The launch's current items in checklist order. */
    public static List<LaunchItem> of(Launch launch) {
        return list("launch = ?1 and removedAt is null", Sort.ascending("position"), launch);
    }

    /** The current items of the launches, in launch and checklist order, read to be counted, not changed. */
    public static List<LaunchItem> ofLaunches(Collection<Long> launchIds) {
        return find("launch.id in ?1 and removedAt is null", Sort.ascending("launch.id", "position"), launchIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** The launch's current item with the key, locked as asked. */
    public static Optional<LaunchItem> current(Launch launch, String key, LockModeType lock) {
        return find("launch = ?1 and key = ?2 and removedAt is null", launch, key).withLock(lock).firstResultOptional();
    }

    /** The launch's current items, locked for writing until the transaction ends. */
    public static List<LaunchItem> lockedOf(Launch launch) {
        return find("launch = ?1 and removedAt is null", Sort.ascending("position"), launch)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
