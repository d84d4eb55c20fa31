-- The last run of each piece of scheduled work, whichever instance ran it: operators see at
-- /q/health/group/scheduled that reminders, deliveries and the board's upkeep keep running, and
-- on which instance they last did.

CREATE TABLE scheduled_work (
    name             text        NOT NULL,
    runs             bigint      NOT NULL DEFAULT 0,
    last_instance    text        NOT NULL,
    last_started_at  timestamptz NOT NULL,
    last_finished_at timestamptz NOT NULL,
    last_outcome     text        NOT NULL,
    CONSTRAINT scheduled_work_pk PRIMARY KEY (name),
    CONSTRAINT scheduled_work_outcome_ck CHECK (last_outcome IN ('done', 'failed'))
);
