-- Items Preflight checks itself. A launch item keeps the check its template item carried (kind and
-- settings, placeholders unfilled) and what it found last; item_check holds when the check runs
-- next, and check_result every result, kept for a configurable number of days.

ALTER TABLE launch_item ADD COLUMN check_binding jsonb;
ALTER TABLE launch_item ADD COLUMN check_verdict text;
ALTER TABLE launch_item ADD COLUMN check_summary text;
ALTER TABLE launch_item ADD COLUMN checked_at timestamptz;
ALTER TABLE launch_item ADD CONSTRAINT launch_item_check_verdict_ck CHECK (check_verdict IN ('PASSED', 'FAILED', 'NOT_RUN'));
CREATE INDEX launch_item_check_failing_idx ON launch_item (launch_id) WHERE check_verdict = 'FAILED';

CREATE TABLE item_check (
    launch_item_id bigint      PRIMARY KEY REFERENCES launch_item (id) ON DELETE CASCADE,
    launch_id      bigint      NOT NULL REFERENCES launch (id) ON DELETE CASCADE,
    service_id     bigint      NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    next_run_at    timestamptz NOT NULL,
    failures       integer     NOT NULL DEFAULT 0
);

CREATE INDEX item_check_next_run_idx ON item_check (next_run_at);
CREATE INDEX item_check_service_idx ON item_check (service_id);

CREATE TABLE check_result (
    id             bigserial   PRIMARY KEY,
    launch_item_id bigint      NOT NULL REFERENCES launch_item (id) ON DELETE CASCADE,
    verdict        text        NOT NULL,
    summary        text        NOT NULL,
    asked          text        NOT NULL,
    observations   jsonb       NOT NULL,
    checked_at     timestamptz NOT NULL,
    took_ms        bigint      NOT NULL,
    run_by         text        NOT NULL,
    CONSTRAINT check_result_verdict_ck CHECK (verdict IN ('PASSED', 'FAILED', 'NOT_RUN'))
);

CREATE INDEX check_result_item_idx ON check_result (launch_item_id, id DESC);
CREATE INDEX check_result_checked_at_idx ON check_result (checked_at);
