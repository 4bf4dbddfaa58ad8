-- The outbox becomes the platform's (io.bikecast.platform.outbox), with the columns every publishing service's outbox
-- has: the event id gets a column of its own (unique: an event is appended once), the payload is kept as json (the
-- text the relay publishes, unchanged), the type is read from the payload, and an event Kafka can never take is
-- parked with its error instead of blocking the events after it. Unpublished rows stay unpublished and are published
-- by the new relay in their order.
ALTER TABLE outbox
    ADD COLUMN event_id  UUID,
    ADD COLUMN parked_at TIMESTAMPTZ;
UPDATE outbox SET event_id = (payload ->> 'eventId')::uuid;
ALTER TABLE outbox
    ALTER COLUMN event_id SET NOT NULL,
    ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id),
    ALTER COLUMN payload TYPE JSON USING payload::text::json,
    DROP COLUMN event_type;

DROP INDEX outbox_unpublished;
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_parked ON outbox (id) WHERE parked_at IS NOT NULL;
