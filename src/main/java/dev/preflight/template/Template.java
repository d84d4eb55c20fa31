package dev.preflight.template;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.preflight.platform.db.BaseEntity;

/** A checklist template: its identity and description; the checklist itself lives in its versions. */
@Entity
@Table(name = "template")
public class Template extends BaseEntity {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description = "";

    /** Shipped with Preflight and kept in step with its file; changed by cloning, not by editing. */
    @Column(nullable = false)
    public boolean builtin;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TemplateDocument.Source source;

    /** SHA-256 of the shipped file last loaded, for built-in templates. */
    @Column(name = "builtin_hash")
    public String builtinHash;

    @Column(name = "cloned_from")
    public Long clonedFrom;

    public static Optional<Template> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
