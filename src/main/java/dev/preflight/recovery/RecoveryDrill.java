package dev.preflight.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.panache.common.Sort;

import dev.preflight.platform.db.BaseEntity;

/**
 * One restore test, failover or disaster-recovery exercise: what was measured, and the targets in
 * force when it was recorded, against which it is judged.
 */
@Entity
@Table(name = "recovery_drill")
public class RecoveryDrill extends BaseEntity {

    @Column(name = "service_id", nullable = false)
    public long serviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrillKind kind;

    @Column(name = "data_store", nullable = false)
    public String dataStore = "";

    @Column(name = "performed_on", nullable = false)
    public LocalDate performedOn;

    @Column(name = "recovery_minutes")
    public Integer recoveryMinutes;

    @Column(name = "data_loss_minutes")
    public Integer dataLossMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrillOutcome outcome;

    @Column(nullable = false)
    public String notes = "";

    @Column(name = "evidence_link")
    public String evidenceLink;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "target_rto_minutes")
    public Integer targetRtoMinutes;

    @Column(name = "target_rpo_minutes")
    public Integer targetRpoMinutes;

    /** The service's drills, latest first. */
    public static List<RecoveryDrill> of(long serviceId) {
        return list("serviceId", Sort.descending("performedOn").and("id", Sort.Direction.Descending), serviceId);
    }

    /** The drills of each of the services, in the same order as {@link #of(long)}, in one query. */
    public static Map<Long, List<RecoveryDrill>> ofServices(Collection<Long> serviceIds) {
        Map<Long, List<RecoveryDrill>> drills = new HashMap<>();
        RecoveryDrill.<RecoveryDrill>list("serviceId in ?1",
                Sort.descending("performedOn").and("id", Sort.Direction.Descending), serviceIds)
                .forEach(d -> drills.computeIfAbsent(d.serviceId, id -> new ArrayList<>()).add(d));
        return drills;
    }
}
