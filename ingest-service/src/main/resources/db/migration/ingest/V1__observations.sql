-- The ingest schema: observations, the batches that wrote them (with every rejected row), the dataset versions they
-- formed, and the outbox of events that announce them.

-- Dataset versions: the accepted rows of a batch, identified by their content. Ingesting the same rows again finds the
-- same version instead of creating a new one.
CREATE TABLE dataset_version (
    content_hash   TEXT        PRIMARY KEY,
    row_count      INTEGER     NOT NULL CHECK (row_count > 0),
    first_hour     TIMESTAMP   NOT NULL,
    last_hour      TIMESTAMP   NOT NULL,
    series_ids     TEXT[]      NOT NULL,
    first_batch_id UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per ingest request that got as far as validation; COMMITTED batches stored their accepted rows, REJECTED
-- ones (strict mode with at least one bad row) stored nothing but this report and its rejections.
CREATE TABLE batch (
    id              UUID        PRIMARY KEY,
    source          TEXT        NOT NULL,
    origin          TEXT,
    mode            TEXT        NOT NULL CHECK (mode IN ('strict', 'lenient')),
    status          TEXT        NOT NULL CHECK (status IN ('COMMITTED', 'REJECTED')),
    rows_read       INTEGER     NOT NULL,
    rows_accepted   INTEGER     NOT NULL,
    rows_inserted   INTEGER     NOT NULL,
    rows_updated    INTEGER     NOT NULL,
    rows_unchanged  INTEGER     NOT NULL,
    rows_rejected   INTEGER     NOT NULL,
    dataset_version TEXT        REFERENCES dataset_version (content_hash),
    series_ids      TEXT[]      NOT NULL,
    first_hour      TIMESTAMP,
    last_hour       TIMESTAMP,
    ignored_columns TEXT[]      NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX batch_by_time ON batch (finished_at DESC);

-- Every contract violation of a batch, in source order. A row can have several.
CREATE TABLE rejection (
    batch_id    UUID    NOT NULL REFERENCES batch (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    line        BIGINT  NOT NULL,
    column_name TEXT    NOT NULL,
    value       TEXT,
    reason      TEXT    NOT NULL,
    PRIMARY KEY (batch_id, seq)
);

-- Hourly observations: one row per series and local hour (America/New_York wall clock), the feature columns as the
-- UCI data set defines them. The training service reads this table: keep these column names and types.
CREATE TABLE observation (
    series_id   TEXT             NOT NULL,
    hour        TIMESTAMP        NOT NULL,
    season      SMALLINT         NOT NULL CHECK (season BETWEEN 1 AND 4),
    yr          SMALLINT         NOT NULL CHECK (yr >= 0),
    mnth        SMALLINT         NOT NULL CHECK (mnth BETWEEN 1 AND 12),
    hr          SMALLINT         NOT NULL CHECK (hr BETWEEN 0 AND 23),
    holiday     SMALLINT         NOT NULL CHECK (holiday IN (0, 1)),
    weekday     SMALLINT         NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    workingday  SMALLINT         NOT NULL CHECK (workingday IN (0, 1)),
    weathersit  SMALLINT         NOT NULL CHECK (weathersit BETWEEN 1 AND 4),
    temp        DOUBLE PRECISION NOT NULL CHECK (temp BETWEEN 0 AND 1),
    atemp       DOUBLE PRECISION NOT NULL CHECK (atemp BETWEEN 0 AND 1),
    hum         DOUBLE PRECISION NOT NULL CHECK (hum BETWEEN 0 AND 1),
    windspeed   DOUBLE PRECISION NOT NULL CHECK (windspeed BETWEEN 0 AND 1),
    casual      INTEGER          CHECK (casual >= 0),
    registered  INTEGER          CHECK (registered >= 0),
    cnt         INTEGER          NOT NULL CHECK (cnt >= 0),
    batch_id    UUID             NOT NULL,
    updated_at  TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, hour)
);

-- The transactional outbox: events written in the same transaction as the rows they announce, published by the
-- relay, marked sent only once the broker acknowledged them, deleted after the retention period.
CREATE TABLE outbox_event (
    id         BIGSERIAL   PRIMARY KEY,
    event_id   UUID        NOT NULL UNIQUE,
    topic      TEXT        NOT NULL,
    event_key  TEXT        NOT NULL,
    payload    JSON        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ
);

CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
