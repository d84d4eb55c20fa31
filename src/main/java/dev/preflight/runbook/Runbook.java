package dev.preflight.runbook;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.preflight.platform.db.VersionedEntity;

/** A service's runbook as it stands: its Markdown, its latest revision number, when it was last exercised. */
@Entity
@Table(name = "runbook")
public class Runbook extends VersionedEntity {

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
}
