-- The outbox becomes the platform's (io.bikecast.platform.outbox), with the columns every publishing service's outbox
-- has: outbox_event is renamed outbox, sent_at published_at, and failed attempts are recorded, so that an event Kafka
-- can never take is parked with its error instead of blocking the events after it. Unsent rows stay unsent and are
-- published by the new relay in their order.
ALTER TABLE outbox_event RENAME TO outbox;
ALTER TABLE outbox RENAME COLUMN sent_at TO published_at;
ALTER TABLE outbox RENAME CONSTRAINT outbox_event_pkey TO outbox_pkey;
ALTER TABLE outbox RENAME CONSTRAINT outbox_event_event_id_key TO outbox_event_id_key;
ALTER SEQUENCE outbox_event_id_seq RENAME TO outbox_id_seq;
ALTER TABLE outbox
    ADD COLUMN attempts   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN parked_at  TIMESTAMPTZ;

DROP INDEX outbox_event_pending;
DROP INDEX outbox_event_sent;
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_parked ON outbox (id) WHERE parked_at IS NOT NULL;
