-- The platform's transactional outbox (io.bikecast.platform.outbox): the training-requested and drift-detected events
-- are written here in the transaction that takes the retraining cooldown, and published by the relay after the
-- commit, so a Kafka outage neither holds that transaction up nor loses an event. The columns are those of every
-- publishing service's outbox.
CREATE TABLE outbox (
    -- The publication order.
    id           BIGSERIAL   PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    -- The event as the platform's EventJson writes it, kept as text.
    payload      JSON        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Set once the broker acknowledged it; published rows are deleted after bikecast.outbox.retention.
    published_at TIMESTAMPTZ,
    -- Failed attempts and the last one's error.
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT,
    -- Set when the relay gave up on it: Kafka can never take it (bikecast.outbox.max-attempts).
    parked_at    TIMESTAMPTZ
);

CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_parked ON outbox (id) WHERE parked_at IS NOT NULL;
