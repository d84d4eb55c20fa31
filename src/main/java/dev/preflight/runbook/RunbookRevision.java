package dev.preflight.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One saved state of a runbook, never changed once written (the database refuses). */
@Entity
@Table(name = "runbook_revision")
public class RunbookRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "service_id", nullable = false, updatable = false)
    public long serviceId;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(nullable = false, updatable = false)
    public String content;

    @Column(nullable = false, updatable = false)
    public String note;

    @Column(nullable = false, updatable = false)
    public String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The runbook's revisions, newest first. */
    public static List<RunbookRevision> of(long serviceId) {
        return list("serviceId", Sort.descending("number"), serviceId);
    }

    public static Optional<RunbookRevision> find(long serviceId, int number) {
        return find("serviceId = ?1 and number = ?2", serviceId, number).firstResultOptional();
    }
}
