-- Teams own services; services are the subjects of launch reviews.
-- Identifiers come from sequences that hand out blocks of 50 (Hibernate's pooled-lo optimiser).

CREATE SEQUENCE team_seq INCREMENT BY 50;

CREATE TABLE team (
    id         bigint      NOT NULL,
    slug       text        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT team_pk PRIMARY KEY (id),
    CONSTRAINT team_slug_uq UNIQUE (slug),
    CONSTRAINT team_slug_format_ck CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
    CONSTRAINT team_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);

CREATE SEQUENCE service_seq INCREMENT BY 50;

CREATE TABLE service (
    id             bigint      NOT NULL,
    slug           text        NOT NULL,
    name           text        NOT NULL,
    description    text        NOT NULL DEFAULT '',
    team_id        bigint      NOT NULL,
    tier           integer     NOT NULL,
    lifecycle      text        NOT NULL,
    repository_url text,
    dashboard_url  text,
    health_url     text,
    on_call        text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT service_pk PRIMARY KEY (id),
    CONSTRAINT service_slug_uq UNIQUE (slug),
    CONSTRAINT service_team_fk FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT service_slug_format_ck CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
    CONSTRAINT service_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT service_tier_ck CHECK (tier BETWEEN 1 AND 3),
    CONSTRAINT service_lifecycle_ck CHECK (lifecycle IN ('PLANNED', 'LAUNCHING', 'PRODUCTION', 'RETIRED'))
);

CREATE INDEX service_team_idx ON service (team_id);
CREATE INDEX service_name_idx ON service (lower(name));
