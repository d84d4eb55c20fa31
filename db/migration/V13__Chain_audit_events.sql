-- The audit log becomes tamper-evident: every event gets the next number of one chain and a hash
-- (SHA-256, hex) over the previous event's hash and its own fields. Changing an event's fields
-- breaks its hash; changing the hash too breaks the next event's; deleting one leaves a gap in the
-- numbers. Events are chained shortly after they are committed, in batches, by one session at a
-- time (audit_event_seal), so recording an event never waits for another transaction.

ALTER TABLE audit_event ADD COLUMN seq bigint;
ALTER TABLE audit_event ADD COLUMN hash text;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_seq_uq UNIQUE (seq);
ALTER TABLE audit_event ADD CONSTRAINT audit_event_sealed_ck CHECK ((seq IS NULL) = (hash IS NULL));
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE seq IS NULL;

-- The fields an event's hash covers, each quoted so that no two different events read the same.
CREATE FUNCTION audit_event_text(e audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws('|', e.seq::text,
        quote_nullable(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
        quote_nullable(e.actor), quote_nullable(e.actor_id::text), quote_nullable(e.via), quote_nullable(e.action),
        quote_nullable(e.target_type), quote_nullable(e.target_id), quote_nullable(e.before::text),
        quote_nullable(e.after::text), quote_nullable(e.request_id), quote_nullable(e.source_address))
$$;

CREATE FUNCTION audit_event_hash(previous text, e audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(coalesce(previous, '') || '|' || audit_event_text(e), 'UTF8')), 'hex')
$$;

-- Still append-only: the one change allowed is giving an unchained event its number and hash.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
        AND (NEW.id, NEW.occurred_at, NEW.actor, NEW.actor_id, NEW.via, NEW.action, NEW.target_type, NEW.target_id,
             NEW.before, NEW.after, NEW.request_id, NEW.source_address)
            IS NOT DISTINCT FROM
            (OLD.id, OLD.occurred_at, OLD.actor, OLD.actor_id, OLD.via, OLD.action, OLD.target_type, OLD.target_id,
             OLD.before, OLD.after, OLD.request_id, OLD.source_address) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Chains up to max_events committed events that have no number yet, in the order of their ids;
-- returns how many. Another session chaining at the same moment makes this one return 0.
CREATE FUNCTION audit_event_seal(max_events integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    e audit_event;
    last_seq bigint;
    last_hash text;
    n integer := 0;
BEGIN
    -- "PREF" + "AUDT"
    IF NOT pg_try_advisory_xact_lock(x'5052454641554454'::bigint) THEN
        RETURN 0;
    END IF;
    SELECT seq, hash INTO last_seq, last_hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
    FOR e IN SELECT * FROM audit_event WHERE seq IS NULL ORDER BY id LIMIT max_events LOOP
        last_seq := coalesce(last_seq, 0) + 1;
        e.seq := last_seq;
        last_hash := audit_event_hash(last_hash, e);
        UPDATE audit_event SET seq = last_seq, hash = last_hash WHERE id = e.id;
        n := n + 1;
    END LOOP;
    RETURN n;
END
$$;

-- Events recorded so far join the chain now.
SELECT audit_event_seal(2147483647);
