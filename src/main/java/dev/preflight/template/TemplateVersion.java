package dev.preflight.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Basic;
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

import io.quarkus.panache.common.Sort;

import dev.preflight.platform.db.BaseEntity;
import dev.preflight.platform.text.Keyed;

/**
 * One version of a template's checklist. A draft can be edited, published or discarded; a
 * published version never changes (the database refuses it), so launches can rely on it.
 */
@Entity
@Table(name = "template_version")
public class TemplateVersion extends BaseEntity {

    /** Where a version stands; lower case in JSON. */
    public enum Status implements Keyed {
        DRAFT, PUBLISHED;

        @Override
        public String toString() {
            return key();
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false)
    public Template template;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The checklist, read only when asked for: a launch refers to its version for the number alone. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public TemplateContent content;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "section_count", nullable = false)
    public int sectionCount;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    public static List<TemplateVersion> of(Template template) {
        return list("template", Sort.descending("number"), template);
    }

    public static Optional<TemplateVersion> latestPublished(Template template) {
        return find("template = ?1 and status = ?2", Sort.descending("number"), template, Status.PUBLISHED)
                .firstResultOptional();
    }

    /** The number of the latest published version, without reading its checklist. */
    public static Optional<Integer> latestPublishedNumber(Template template) {
        return Optional.ofNullable(getEntityManager().createQuery("select max(v.number) from TemplateVersion v "
                + "where v.template = ?1 and v.status = ?2", Integer.class).setParameter(1, template)
                .setParameter(2, Status.PUBLISHED).getSingleResult());
    }

    public static Optional<TemplateVersion> draft(Template template) {
        return find("template = ?1 and status = ?2", template, Status.DRAFT).firstResultOptional();
    }

    public static Optional<TemplateVersion> find(Template template, int number) {
        return find("template = ?1 and number = ?2", template, number).firstResultOptional();
    }
}
