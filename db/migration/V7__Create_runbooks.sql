-- One runbook per service, Markdown. Every save is a revision, kept for good (the database refuses
-- changes to a revision), so the history can be read and compared.

CREATE TABLE runbook (
    service_id     bigint      NOT NULL,
    content        text        NOT NULL,
    last_exercised date,
    updated_by     text        NOT NULL,
    revision       integer     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT runbook_pk PRIMARY KEY (service_id),
    CONSTRAINT runbook_service_fk FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT runbook_content_ck CHECK (length(content) <= 200000)
);

CREATE TABLE runbook_revision (
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    service_id bigint      NOT NULL,
    number     integer     NOT NULL,
    content    text        NOT NULL,
    note       text        NOT NULL DEFAULT '',
    author     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT runbook_revision_pk PRIMARY KEY (id),
    CONSTRAINT runbook_revision_runbook_fk FOREIGN KEY (service_id) REFERENCES runbook (service_id) ON DELETE CASCADE,
    CONSTRAINT runbook_revision_number_uq UNIQUE (service_id, number)
);

CREATE FUNCTION runbook_revision_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'runbook revisions cannot be changed' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER runbook_revision_append_only
    BEFORE UPDATE ON runbook_revision
    FOR EACH ROW EXECUTE FUNCTION runbook_revision_is_append_only();
