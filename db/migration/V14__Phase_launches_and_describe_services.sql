-- The launch lifecycle after go-live, and the service traits that decide which items apply.
--
-- A launch item has a phase: before go-live (counted by readiness and the gate), at go-live, after
-- launch (due a window after the launch went live) or ongoing (repeated on its cadence). A launch
-- that went live is closed when its after-launch items are resolved, or by an approver with a reason.
-- An item whose template condition does not hold for the service is left out: marked not
-- applicable with the reason, and brought back when the service's traits change before go.

ALTER TABLE launch DROP CONSTRAINT launch_state_ck;
ALTER TABLE launch ADD CONSTRAINT launch_state_ck
    CHECK (state IN ('PREPARING', 'IN_REVIEW', 'GO', 'NO_GO', 'LAUNCHED', 'CLOSED', 'CANCELLED'));
ALTER TABLE launch DROP CONSTRAINT launch_decision_ck;
ALTER TABLE launch ADD CONSTRAINT launch_decision_ck CHECK (state NOT IN ('GO', 'NO_GO', 'LAUNCHED', 'CLOSED')
    OR (decision IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL));

ALTER TABLE launch ADD COLUMN launched_at timestamptz;
ALTER TABLE launch ADD COLUMN closed_at timestamptz;

UPDATE launch l SET launched_at = coalesce((SELECT max(e.occurred_at) FROM launch_event e
    WHERE e.launch_id = l.id AND e.item_id IS NULL AND e.to_status = 'launched'), l.updated_at)
WHERE l.state = 'LAUNCHED';

ALTER TABLE launch ADD CONSTRAINT launch_launched_ck CHECK (state NOT IN ('LAUNCHED', 'CLOSED') OR launched_at IS NOT NULL);
ALTER TABLE launch ADD CONSTRAINT launch_closed_ck CHECK (state <> 'CLOSED' OR closed_at IS NOT NULL);

ALTER TABLE launch_item ADD COLUMN phase text NOT NULL DEFAULT 'BEFORE_GO_LIVE';
ALTER TABLE launch_item ADD CONSTRAINT launch_item_phase_ck
    CHECK (phase IN ('BEFORE_GO_LIVE', 'AT_GO_LIVE', 'AFTER_LAUNCH', 'ONGOING'));
-- An after-launch item's window as an ISO 8601 duration (P7D, PT24H).
ALTER TABLE launch_item ADD COLUMN phase_window text;
ALTER TABLE launch_item ADD CONSTRAINT launch_item_window_ck CHECK ((phase = 'AFTER_LAUNCH') = (phase_window IS NOT NULL));
-- When an after-launch item is due: the moment the launch went live plus its window.
ALTER TABLE launch_item ADD COLUMN due_at timestamptz;
-- Marked not applicable because the service's traits do not meet the item's condition.
ALTER TABLE launch_item ADD COLUMN left_out boolean NOT NULL DEFAULT false;
ALTER TABLE launch_item ADD CONSTRAINT launch_item_left_out_ck CHECK (NOT left_out OR status = 'NOT_APPLICABLE');

CREATE INDEX launch_item_due_at_idx ON launch_item (due_at) WHERE due_at IS NOT NULL;

-- Traits a checklist can ask about; null is "not known", which never leaves an item out.
ALTER TABLE service ADD COLUMN runs_on text;
ALTER TABLE service ADD CONSTRAINT service_runs_on_ck CHECK (runs_on IS NULL
    OR runs_on IN ('CONTAINER', 'KUBERNETES', 'SERVERLESS', 'VM'));
ALTER TABLE service ADD COLUMN stores_data boolean;
ALTER TABLE service ADD COLUMN public_facing boolean;
ALTER TABLE service ADD COLUMN personal_data boolean;

-- A closed launch, like a launched one, has left the roll-ups.
CREATE OR REPLACE FUNCTION launch_summary_state_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE launch_summary SET state = NEW.state, active = NEW.state NOT IN ('LAUNCHED', 'CLOSED', 'CANCELLED')
    WHERE launch_id = NEW.id;
    RETURN NULL;
END
$$;

-- Webhooks can hear of after-launch items and ongoing duties falling due.
ALTER TABLE webhook DROP CONSTRAINT webhook_events_ck;
ALTER TABLE webhook ADD CONSTRAINT webhook_events_ck CHECK (cardinality(events) > 0 AND events <@ ARRAY['item_changed',
    'sign_off_needed', 'decision_made', 'launch_overdue', 'drill_failed', 'waiver_expiring', 'item_due']::text[]);
