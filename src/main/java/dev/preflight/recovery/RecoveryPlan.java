package dev.preflight.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service's recovery targets, edited as one document with one version. */
@Entity
@Table(name = "recovery_plan")
public class RecoveryPlan extends PanacheEntityBase {

    @Id
    @Column(name = "service_id")
    public Long serviceId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RecoveryTarget> targets = new ArrayList<>();

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
