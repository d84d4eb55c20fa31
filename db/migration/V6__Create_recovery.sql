-- Recovery objectives and drills. A service's recovery plan holds its targets (one for the whole
-- service and any per data store) as one document edited as a whole; drills are a log, each judged
-- against the targets in force when it was recorded.

CREATE TABLE recovery_plan (
    service_id  bigint      NOT NULL,
    targets     jsonb       NOT NULL DEFAULT '[]',
    updated_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT recovery_plan_pk PRIMARY KEY (service_id),
    CONSTRAINT recovery_plan_service_fk FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT recovery_plan_targets_ck CHECK (jsonb_typeof(targets) = 'array')
);

CREATE SEQUENCE recovery_drill_seq INCREMENT BY 50;

CREATE TABLE recovery_drill (
    id                 bigint      NOT NULL,
    service_id         bigint      NOT NULL,
    kind               text        NOT NULL,
    data_store         text        NOT NULL DEFAULT '',
    performed_on       date        NOT NULL,
    recovery_minutes   integer,
    data_loss_minutes  integer,
    outcome            text        NOT NULL,
    notes              text        NOT NULL DEFAULT '',
    evidence_link      text,
    recorded_by        text        NOT NULL,
    target_rto_minutes integer,
    target_rpo_minutes integer,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint      NOT NULL DEFAULT 0,
    CONSTRAINT recovery_drill_pk PRIMARY KEY (id),
    CONSTRAINT recovery_drill_service_fk FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT recovery_drill_kind_ck CHECK (kind IN ('RESTORE_TEST', 'FAILOVER', 'DR_EXERCISE')),
    CONSTRAINT recovery_drill_outcome_ck CHECK (outcome IN ('SUCCESS', 'PARTIAL', 'FAILED')),
    CONSTRAINT recovery_drill_minutes_ck CHECK ((recovery_minutes IS NULL OR recovery_minutes >= 0)
        AND (data_loss_minutes IS NULL OR data_loss_minutes >= 0))
);

CREATE INDEX recovery_drill_service_idx ON recovery_drill (service_id, performed_on DESC, id DESC);
