package dev.preflight.recovery;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.preflight.platform.db.VersionedEntity;

/** A service's recovery targets, edited as one document with one version. */
@Entity
@Table(name = "recovery_plan")
public class RecoveryPlan extends VersionedEntity {

    @Id
    @Column(name = "service_id")
    public Long serviceId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RecoveryTarget> targets = new ArrayList<>();

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
