-- Launch reviews. A launch reviews one service against one published template version; its items
-- are a snapshot of that version's items for the service's tier, so editing a template never
-- rewrites a running launch. Every change to a launch or an item appends a launch event.

CREATE SEQUENCE launch_seq INCREMENT BY 50;

CREATE TABLE launch (
    id                  bigint      NOT NULL,
    service_id          bigint      NOT NULL,
    template_version_id bigint      NOT NULL,
    name                text        NOT NULL,
    environment         text        NOT NULL,
    target_date         date        NOT NULL,
    state               text        NOT NULL,
    created_by          text        NOT NULL,
    decision            text,
    decided_by          text,
    decided_at          timestamptz,
    decision_rationale  text,
    decision_conditions text,
    -- Keys of the required items that were resolved when go was decided: the gate closes when one reopens.
    decision_resolved   jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             bigint      NOT NULL DEFAULT 0,
    CONSTRAINT launch_pk PRIMARY KEY (id),
    CONSTRAINT launch_service_fk FOREIGN KEY (service_id) REFERENCES service (id),
    CONSTRAINT launch_template_version_fk FOREIGN KEY (template_version_id) REFERENCES template_version (id),
    CONSTRAINT launch_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT launch_environment_ck CHECK (length(btrim(environment)) BETWEEN 1 AND 100),
    CONSTRAINT launch_state_ck CHECK (state IN ('PREPARING', 'IN_REVIEW', 'GO', 'NO_GO', 'LAUNCHED', 'CANCELLED')),
    CONSTRAINT launch_decision_value_ck CHECK (decision IS NULL OR decision IN ('GO', 'NO_GO')),
    CONSTRAINT launch_decision_ck CHECK (state NOT IN ('GO', 'NO_GO', 'LAUNCHED')
        OR (decision IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL))
);

CREATE INDEX launch_service_idx ON launch (service_id, target_date);
CREATE INDEX launch_target_idx ON launch (target_date);

CREATE SEQUENCE launch_item_seq INCREMENT BY 50;

CREATE TABLE launch_item (
    id                bigint      NOT NULL,
    launch_id         bigint      NOT NULL,
    key               text        NOT NULL,
    position          integer     NOT NULL,
    section_key       text        NOT NULL,
    section_title     text        NOT NULL,
    title             text        NOT NULL,
    guidance          text        NOT NULL DEFAULT '',
    severity          text        NOT NULL,
    sign_off          text        NOT NULL,
    evidence          text        NOT NULL,
    recurrence_days   integer,
    status            text        NOT NULL DEFAULT 'OPEN',
    evidence_link     text,
    evidence_note     text,
    reason            text,
    assignee_id       bigint,
    due_date          date,
    done_by           text,
    done_at           timestamptz,
    signed_off_by     text,
    signed_off_at     timestamptz,
    waiver_reason     text,
    waiver_risk_owner text,
    waiver_control    text,
    waiver_expires    date,
    waived_by         text,
    waived_at         timestamptz,
    -- Set when a template upgrade dropped the item: it leaves the checklist, its history stays.
    removed_at        timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT launch_item_pk PRIMARY KEY (id),
    CONSTRAINT launch_item_launch_fk FOREIGN KEY (launch_id) REFERENCES launch (id),
    CONSTRAINT launch_item_assignee_fk FOREIGN KEY (assignee_id) REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT launch_item_key_uq UNIQUE (launch_id, key),
    CONSTRAINT launch_item_severity_ck CHECK (severity IN ('BLOCKER', 'MAJOR', 'MINOR')),
    CONSTRAINT launch_item_sign_off_ck CHECK (sign_off IN ('ENGINEER', 'APPROVER')),
    CONSTRAINT launch_item_evidence_ck CHECK (evidence IN ('NONE', 'LINK', 'NOTE')),
    CONSTRAINT launch_item_recurrence_ck CHECK (recurrence_days IS NULL OR recurrence_days BETWEEN 1 AND 3660),
    CONSTRAINT launch_item_status_ck CHECK (status IN ('OPEN', 'DONE', 'NOT_APPLICABLE', 'BLOCKED', 'WAIVED')),
    CONSTRAINT launch_item_done_ck CHECK (status <> 'DONE' OR done_at IS NOT NULL),
    CONSTRAINT launch_item_reason_ck CHECK (status NOT IN ('NOT_APPLICABLE', 'BLOCKED') OR reason IS NOT NULL),
    CONSTRAINT launch_item_waiver_ck CHECK (status <> 'WAIVED' OR (waiver_reason IS NOT NULL
        AND waiver_risk_owner IS NOT NULL AND waiver_control IS NOT NULL AND waiver_expires IS NOT NULL))
);

CREATE INDEX launch_item_launch_idx ON launch_item (launch_id, position);
CREATE INDEX launch_item_assignee_idx ON launch_item (assignee_id) WHERE assignee_id IS NOT NULL;

-- The history of a launch: state changes and decisions (no item), and every change of an item.
CREATE TABLE launch_event (
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    launch_id     bigint      NOT NULL,
    item_id       bigint,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    actor         text        NOT NULL,
    actor_id      bigint,
    actor_role    text,
    via           text        NOT NULL,
    action        text        NOT NULL,
    from_status   text,
    to_status     text,
    evidence_link text,
    evidence_note text,
    comment       text,
    details       jsonb,
    CONSTRAINT launch_event_pk PRIMARY KEY (id),
    CONSTRAINT launch_event_launch_fk FOREIGN KEY (launch_id) REFERENCES launch (id),
    CONSTRAINT launch_event_item_fk FOREIGN KEY (item_id) REFERENCES launch_item (id)
);

CREATE INDEX launch_event_launch_idx ON launch_event (launch_id, id);
CREATE INDEX launch_event_item_idx ON launch_event (item_id, id) WHERE item_id IS NOT NULL;

CREATE FUNCTION launch_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'launch events cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER launch_event_append_only
    BEFORE UPDATE OR DELETE ON launch_event
    FOR EACH ROW EXECUTE FUNCTION launch_event_is_append_only();

CREATE TRIGGER launch_event_no_truncate
    BEFORE TRUNCATE ON launch_event
    FOR EACH STATEMENT EXECUTE FUNCTION launch_event_is_append_only();
