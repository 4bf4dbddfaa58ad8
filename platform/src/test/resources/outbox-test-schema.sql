-- What a service's migration creates for the outbox tests: its outbox table, with the columns every publishing
-- service's outbox has (see ingest's, training's and monitoring's migrations), and a table of its own changes.
CREATE SCHEMA relay;

CREATE TABLE relay.outbox (
    id           BIGSERIAL   PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    payload      JSON        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT,
    parked_at    TIMESTAMPTZ
);

CREATE TABLE relay.reading (
    hour  TIMESTAMP PRIMARY KEY,
    count INTEGER   NOT NULL
);
