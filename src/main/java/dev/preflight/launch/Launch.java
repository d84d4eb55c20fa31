package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.preflight.platform.db.BaseEntity;
import dev.preflight.service.Service;
import dev.preflight.template.TemplateVersion;

/** One readiness review of one service against one published template version. */
@Entity
@Table(name = "launch")
public class Launch extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id", nullable = false)
    public Service service;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_version_id", nullable = false)
    public TemplateVersion templateVersion;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String environment;

    @Column(name = "target_date", nullable = false)
    public LocalDate targetDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LaunchState state = LaunchState.PREPARING;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The go or no-go in force (go or no_go), null before a decision and after a no-go returned to review. */
    @Enumerated(EnumType.STRING)
    public LaunchState decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_rationale")
    public String decisionRationale;

    @Column(name = "decision_conditions")
    public String decisionConditions;

    /** When the launch went live: after-launch items are due counted from here. */
    @Column(name = "launched_at")
    public Instant launchedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The approvers who agreed to a go that needs more than one, until enough have. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "go_agreed_by")
    public List<String> goAgreedBy;

    /** Keys of the required items resolved when go was decided; the gate closes when one reopens. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "decision_resolved")
    public List<String> decisionResolved;

    /** The launches, with their service, team and template read in the same query. */
    public static List<Launch> withService(Collection<Long> ids) {
        return list("from Launch l join fetch l.service s join fetch s.team join fetch l.templateVersion v "
                + "join fetch v.template where l.id in ?1", ids);
    }
}
