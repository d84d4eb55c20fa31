package dev.preflight.runbook;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service's runbook as it stands: its Markdown, its latest revision number, when it was last exercised. */
@Entity
@Table(name = "runbook")
public class Runbook extends PanacheEntityBase {

    @Id
    @Column(name = "service_id")
    public Long serviceId;

    @Column(nullable = false)
    public String content;

    @Column(name = "last_exercised")
    public LocalDate lastExercised;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** The number of the revision that holds the current content. */
    @Column(nullable = false)
    public int revision;

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
