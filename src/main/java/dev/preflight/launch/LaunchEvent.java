package dev.preflight.launch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * One entry in a launch's history, never changed once written (the database refuses): a state
 * change or decision of the launch, or a change of one of its items.
 */
@Entity
@Table(name = "launch_event")
public class LaunchEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "launch_id", nullable = false, updatable = false)
    public long launchId;

    @Column(name = "item_id", updatable = false)
    public Long itemId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "actor_id", updatable = false)
    public Long actorId;

    @Column(name = "actor_role", updatable = false)
    public String actorRole;

    @Column(nullable = false, updatable = false)
    public String via;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "from_status", updatable = false)
    public String fromStatus;

    @Column(name = "to_status", updatable = false)
    public String toStatus;

    @Column(name = "evidence_link", updatable = false)
    public String evidenceLink;

    @Column(name = "evidence_note", updatable = false)
    public String evidenceNote;

    @Column(updatable = false)
    public String comment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Map<String, Object> details;

    /** The history of one item, oldest first. */
    public static List<LaunchEvent> ofItem(long itemId) {
        return list("itemId", Sort.ascending("id"), itemId);
    }

    /** The history of a launch, newest first, at most {@code limit} entries. */
    public static List<LaunchEvent> ofLaunch(long launchId, int limit) {
        return find("launchId", Sort.descending("id"), launchId).page(0, limit).list();
    }
}
