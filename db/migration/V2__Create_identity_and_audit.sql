-- People, their teams, how they sign in (sessions, API tokens), and the audit log.

CREATE SEQUENCE app_user_seq INCREMENT BY 50;

CREATE TABLE app_user (
    id            bigint      NOT NULL,
    username      text        NOT NULL,
    display_name  text        NOT NULL,
    email         text,
    role          text        NOT NULL,
    password_hash text,
    enabled       boolean     NOT NULL DEFAULT true,
    oidc_issuer   text,
    oidc_subject  text,
    last_login_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT app_user_pk PRIMARY KEY (id),
    CONSTRAINT app_user_username_uq UNIQUE (username),
    CONSTRAINT app_user_oidc_uq UNIQUE (oidc_issuer, oidc_subject),
    CONSTRAINT app_user_username_format_ck CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{0,99}$'),
    CONSTRAINT app_user_role_ck CHECK (role IN ('VIEWER', 'ENGINEER', 'APPROVER', 'ADMIN')),
    CONSTRAINT app_user_oidc_pair_ck CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))
);

CREATE TABLE team_member (
    team_id bigint NOT NULL,
    user_id bigint NOT NULL,
    CONSTRAINT team_member_pk PRIMARY KEY (team_id, user_id),
    CONSTRAINT team_member_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT team_member_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX team_member_user_idx ON team_member (user_id);

-- A browser session: the cookie holds a random secret, the table only its SHA-256.
CREATE TABLE user_session (
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    secret_hash  text        NOT NULL,
    user_id      bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    source       text,
    CONSTRAINT user_session_pk PRIMARY KEY (id),
    CONSTRAINT user_session_secret_uq UNIQUE (secret_hash),
    CONSTRAINT user_session_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX user_session_user_idx ON user_session (user_id);

-- An API token for scripts: shown once, stored as SHA-256 of its secret.
CREATE SEQUENCE api_token_seq INCREMENT BY 50;

CREATE TABLE api_token (
    id           bigint      NOT NULL,
    user_id      bigint      NOT NULL,
    name         text        NOT NULL,
    prefix       text        NOT NULL,
    secret_hash  text        NOT NULL,
    scopes       text        NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT api_token_pk PRIMARY KEY (id),
    CONSTRAINT api_token_secret_uq UNIQUE (secret_hash),
    CONSTRAINT api_token_user_name_uq UNIQUE (user_id, name),
    CONSTRAINT api_token_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT api_token_scopes_ck CHECK (scopes IN ('read', 'read write')),
    CONSTRAINT api_token_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 100)
);

-- Failed sign-ins and token attempts, counted per key over a sliding window for throttling.
CREATE TABLE auth_failure (
    id        bigint      GENERATED ALWAYS AS IDENTITY,
    scope     text        NOT NULL,
    key       text        NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT auth_failure_pk PRIMARY KEY (id),
    CONSTRAINT auth_failure_scope_ck CHECK (scope IN ('account', 'address', 'token'))
);

CREATE INDEX auth_failure_lookup_idx ON auth_failure (scope, key, failed_at);

-- Settings the application generates once and shares between its instances.
CREATE TABLE app_setting (
    name       text        NOT NULL,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_setting_pk PRIMARY KEY (name)
);

-- Who did what, when, from where: append-only.
CREATE TABLE audit_event (
    id             bigint      GENERATED ALWAYS AS IDENTITY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor          text        NOT NULL,
    actor_id       bigint,
    via            text        NOT NULL,
    action         text        NOT NULL,
    target_type    text,
    target_id      text,
    before         jsonb,
    after          jsonb,
    request_id     text,
    source_address text,
    CONSTRAINT audit_event_pk PRIMARY KEY (id)
);

CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
