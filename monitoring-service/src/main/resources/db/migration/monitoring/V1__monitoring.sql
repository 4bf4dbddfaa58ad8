-- The predictions the prediction service made, stored once each by prediction id (a redelivered event is a no-op).
-- Features are columns, not JSON, because drift checks read thousands of rows of them at a time.
CREATE TABLE prediction_log (
    prediction_id   UUID             PRIMARY KEY,
    series_id       TEXT             NOT NULL,
    -- The local hour predicted; null when the request named none, and then it can never be joined with an actual.
    hour            TIMESTAMP,
    model_name      TEXT             NOT NULL,
    model_version   BIGINT           NOT NULL,
    served_by       TEXT             NOT NULL CHECK (served_by IN ('CHAMPION', 'CHALLENGER')),
    shadow          BOOLEAN          NOT NULL,
    -- The model's raw output, and the count returned to the client (rounded, floored at zero).
    prediction      DOUBLE PRECISION NOT NULL,
    predicted_count BIGINT           NOT NULL,
    season          SMALLINT         NOT NULL,
    yr              SMALLINT         NOT NULL,
    mnth            SMALLINT         NOT NULL,
    hr              SMALLINT         NOT NULL,
    holiday         SMALLINT         NOT NULL,
    weekday         SMALLINT         NOT NULL,
    workingday      SMALLINT         NOT NULL,
    weathersit      SMALLINT         NOT NULL,
    temp            DOUBLE PRECISION NOT NULL,
    atemp           DOUBLE PRECISION NOT NULL,
    hum             DOUBLE PRECISION NOT NULL,
    windspeed       DOUBLE PRECISION NOT NULL,
    predicted_at    TIMESTAMPTZ      NOT NULL,
    logged_at       TIMESTAMPTZ      NOT NULL DEFAULT now()
);
-- Joining with actuals.
CREATE INDEX prediction_log_series_hour ON prediction_log (series_id, hour);
-- The drift window: the latest served predictions of one model version.
CREATE INDEX prediction_log_model_recent ON prediction_log (model_name, model_version, shadow, predicted_at DESC);

-- The real demand of each series and hour, as announced by ingest; a later value for the same hour replaces it.
CREATE TABLE actual (
    series_id   TEXT        NOT NULL,
    hour        TIMESTAMP   NOT NULL,
    count       INTEGER     NOT NULL CHECK (count >= 0),
    source      TEXT        NOT NULL,
    observed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, hour)
);
CREATE INDEX actual_hour ON actual (hour);

-- Every drift check, whatever its verdict.
CREATE TABLE drift_report (
    id                UUID             PRIMARY KEY,
    created_at        TIMESTAMPTZ      NOT NULL,
    trigger           TEXT             NOT NULL CHECK (trigger IN ('SCHEDULE', 'API')),
    model_name        TEXT             NOT NULL,
    -- The champion compared against; null when there was none.
    model_version     BIGINT,
    verdict           TEXT             NOT NULL CHECK (verdict IN ('DRIFT', 'NO_DRIFT', 'NOT_ENOUGH_DATA', 'ERROR')),
    detail            TEXT,
    reference_size    INTEGER          NOT NULL,
    current_size      INTEGER          NOT NULL,
    -- The hours and prediction times the current window covers; null when it was empty.
    window_first_hour TIMESTAMP,
    window_last_hour  TIMESTAMP,
    window_from       TIMESTAMPTZ,
    window_to         TIMESTAMPTZ,
    drift_share       DOUBLE PRECISION,
    drifted_features  TEXT[]           NOT NULL DEFAULT '{}',
    -- Settings, per-feature results and histograms: the report's whole body.
    body              JSONB            NOT NULL
);
CREATE INDEX drift_report_created ON drift_report (created_at DESC);

-- When monitoring last asked for a model to be retrained: one episode causes one request, across restarts.
CREATE TABLE retraining_trigger (
    model_name      TEXT        PRIMARY KEY,
    last_triggered  TIMESTAMPTZ NOT NULL,
    report_id       UUID,
    reason          TEXT        NOT NULL
);

-- Alerts are stored before they are sent; the same kind and key within the fold window counts as one alert.
CREATE TABLE alert (
    id              UUID        PRIMARY KEY,
    kind            TEXT        NOT NULL,
    alert_key       TEXT        NOT NULL,
    severity        TEXT        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    title           TEXT        NOT NULL,
    summary         TEXT        NOT NULL,
    -- [{"name": .., "value": ..}, ..] in display order.
    fields          JSONB       NOT NULL,
    link            TEXT,
    occurrences     INTEGER     NOT NULL DEFAULT 1,
    first_raised_at TIMESTAMPTZ NOT NULL,
    last_raised_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_kind_key ON alert (kind, alert_key, last_raised_at DESC);
CREATE INDEX alert_raised ON alert (first_raised_at DESC);

-- One row per alert and enabled channel: delivered from here by the dispatcher, retried with back-off.
CREATE TABLE alert_delivery (
    alert_id        UUID        NOT NULL REFERENCES alert (id),
    channel         TEXT        NOT NULL CHECK (channel IN ('SLACK', 'DISCORD')),
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    PRIMARY KEY (alert_id, channel)
);
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE state = 'PENDING';

-- Lifecycle events already acted on (alerts raised), so a redelivered event raises nothing twice.
CREATE TABLE processed_event (
    event_id     UUID        PRIMARY KEY,
    type         TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
