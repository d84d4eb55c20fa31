-- Checklist templates. A template has versions; a version's sections and items are one JSON
-- document, immutable once published (launches snapshot their items from it).

CREATE SEQUENCE template_seq INCREMENT BY 50;

CREATE TABLE template (
    id           bigint      NOT NULL,
    slug         text        NOT NULL,
    name         text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    builtin      boolean     NOT NULL DEFAULT false,
    source       jsonb       NOT NULL,
    builtin_hash text,
    cloned_from  bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT template_pk PRIMARY KEY (id),
    CONSTRAINT template_slug_uq UNIQUE (slug),
    CONSTRAINT template_cloned_from_fk FOREIGN KEY (cloned_from) REFERENCES template (id) ON DELETE SET NULL,
    CONSTRAINT template_slug_format_ck CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
    CONSTRAINT template_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);

CREATE SEQUENCE template_version_seq INCREMENT BY 50;

CREATE TABLE template_version (
    id            bigint      NOT NULL,
    template_id   bigint      NOT NULL,
    number        integer     NOT NULL,
    status        text        NOT NULL,
    content       jsonb       NOT NULL,
    content_hash  text        NOT NULL,
    section_count integer     NOT NULL,
    item_count    integer     NOT NULL,
    created_by    text        NOT NULL,
    published_at  timestamptz,
    published_by  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT template_version_pk PRIMARY KEY (id),
    CONSTRAINT template_version_template_fk FOREIGN KEY (template_id) REFERENCES template (id) ON DELETE CASCADE,
    CONSTRAINT template_version_number_uq UNIQUE (template_id, number),
    CONSTRAINT template_version_status_ck CHECK (status IN ('DRAFT', 'PUBLISHED')),
    CONSTRAINT template_version_published_ck CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);

-- At most one draft per template.
CREATE UNIQUE INDEX template_version_one_draft_uq ON template_version (template_id) WHERE status = 'DRAFT';

-- A published version never changes.
CREATE FUNCTION template_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'published template versions cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER template_version_immutable
    BEFORE UPDATE OR DELETE ON template_version
    FOR EACH ROW EXECUTE FUNCTION template_version_published_is_immutable();
