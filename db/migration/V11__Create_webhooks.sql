-- Webhooks: a team's or a service's subscribers get a signed JSON (or Slack-shaped) message for the
-- events they chose. Deliveries are an outbox written in the transaction of the change (by trigger
-- for launch events, by Preflight for the rest) and sent afterwards, retried with backoff; each
-- keeps its attempts and last error for the subscription's delivery log.

CREATE SEQUENCE webhook_seq INCREMENT BY 50;

CREATE TABLE webhook (
    id          bigint      NOT NULL,
    team_id     bigint,
    service_id  bigint,
    url         text        NOT NULL,
    format      text        NOT NULL,
    events      text[]      NOT NULL,
    secret      text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT webhook_pk PRIMARY KEY (id),
    CONSTRAINT webhook_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT webhook_service_fk FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
    CONSTRAINT webhook_scope_ck CHECK ((team_id IS NULL) <> (service_id IS NULL)),
    CONSTRAINT webhook_url_ck CHECK (length(url) BETWEEN 8 AND 2000 AND url ~ '^https?://'),
    CONSTRAINT webhook_format_ck CHECK (format IN ('JSON', 'SLACK')),
    CONSTRAINT webhook_events_ck CHECK (cardinality(events) > 0 AND events <@ ARRAY['item_changed', 'sign_off_needed',
        'decision_made', 'launch_overdue', 'drill_failed', 'waiver_expiring']::text[])
);

CREATE INDEX webhook_team_idx ON webhook (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX webhook_service_idx ON webhook (service_id) WHERE service_id IS NOT NULL;

CREATE TABLE webhook_delivery (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    webhook_id      bigint      NOT NULL,
    event           text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (id),
    CONSTRAINT webhook_delivery_webhook_fk FOREIGN KEY (webhook_id) REFERENCES webhook (id) ON DELETE CASCADE,
    CONSTRAINT webhook_delivery_status_ck CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, id DESC);

-- Queues a delivery for each subscription of the service's team or of the service to the event.
CREATE FUNCTION webhook_enqueue(p_event text, p_service bigint, p_payload jsonb) RETURNS void LANGUAGE sql AS $$
    INSERT INTO webhook_delivery (webhook_id, event, payload, next_attempt_at)
    SELECT w.id, p_event, p_payload, now()
    FROM webhook w JOIN service s ON s.id = p_service
    WHERE p_event = ANY (w.events) AND (w.service_id = s.id OR w.team_id = s.team_id);
$$;

-- Launch events become deliveries in the transaction that records them: item changes, sign-offs
-- now needed (an engineer marked an item done that needs an approver), and decisions.
CREATE FUNCTION launch_event_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    l launch%ROWTYPE;
    s service%ROWTYPE;
    i launch_item%ROWTYPE;
    body jsonb;
BEGIN
    IF current_setting('preflight.quiet', true) = 'on' OR NOT EXISTS (SELECT 1 FROM webhook) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO l FROM launch WHERE id = NEW.launch_id;
    SELECT * INTO s FROM service WHERE id = l.service_id;
    IF NEW.item_id IS NOT NULL THEN
        SELECT * INTO i FROM launch_item WHERE id = NEW.item_id;
    END IF;
    body := jsonb_build_object('launch', jsonb_build_object('id', l.id, 'name', l.name, 'targetDate', l.target_date,
            'state', lower(l.state), 'link', '/launches/' || l.id),
        'service', jsonb_build_object('slug', s.slug, 'name', s.name),
        'team', (SELECT slug FROM team WHERE id = s.team_id),
        'item', CASE WHEN NEW.item_id IS NULL THEN NULL ELSE jsonb_build_object('key', i.key, 'title', i.title,
            'link', '/launches/' || l.id || '/items/' || i.key) END,
        'action', NEW.action, 'from', NEW.from_status, 'to', NEW.to_status, 'actor', NEW.actor, 'via', NEW.via,
        'comment', NEW.comment, 'at', NEW.occurred_at);
    IF NEW.action = 'decided' THEN
        PERFORM webhook_enqueue('decision_made', s.id, body);
    ELSIF NEW.item_id IS NOT NULL THEN
        PERFORM webhook_enqueue('item_changed', s.id, body);
        IF NEW.to_status = 'done' AND i.sign_off = 'APPROVER' AND coalesce(NEW.actor_role, '') NOT IN ('approver', 'admin') THEN
            PERFORM webhook_enqueue('sign_off_needed', s.id, body);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER launch_event_webhooks
    AFTER INSERT ON launch_event
    FOR EACH ROW EXECUTE FUNCTION launch_event_webhooks();
