-- The first result of a write sent with an Idempotency-Key, per caller, replayed when the same key
-- comes again with the same request.

CREATE TABLE idempotency_record (
    owner        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       integer     NOT NULL,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_record_pk PRIMARY KEY (owner, key),
    CONSTRAINT idempotency_record_key_ck CHECK (length(key) BETWEEN 1 AND 200)
);

CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
