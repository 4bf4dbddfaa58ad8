-- The data clock (bikecast.clock.mode=data): the latest actual hour whose due work (drift check, retraining policy)
-- has been done. One row; it only moves forward, and only after that work, so a reader never sees an hour whose
-- check is still to run. Kept here rather than derived from monitoring.actual so that a restart keeps it exactly.
CREATE TABLE data_clock (
    id          SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    hour        TIMESTAMP   NOT NULL,
    advanced_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The clock time (local) each check ran at: the data clock schedules the next check from the last scheduled one.
ALTER TABLE drift_report ADD COLUMN clock_time TIMESTAMP;
CREATE INDEX drift_report_scheduled_clock ON drift_report (clock_time DESC) WHERE trigger = 'SCHEDULE';

-- What the last request was, for GET /api/v1/clock: the training-requested event's id, its reason codes, and the
-- clock time (local) it was made at. last_triggered stays the instant the cooldown is measured on.
ALTER TABLE retraining_trigger
    ADD COLUMN event_id     UUID,
    ADD COLUMN reason_codes TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN clock_time   TIMESTAMP;

-- The champion as monitoring learned of it: its holdout RMSE (what live error is judged against) and how old its
-- served fit is (what the scheduled refresh measures).
CREATE TABLE champion_state (
    model_name      TEXT             PRIMARY KEY,
    version         BIGINT           NOT NULL,
    -- From model-promoted (metrics.rmse), else from the registry; null when neither has it.
    holdout_rmse    DOUBLE PRECISION,
    -- The last local hour the served fit learned from (model-promoted.trainedThrough); null from older producers.
    trained_through TIMESTAMP,
    -- The clock (local) when monitoring learned of this champion; null under the data clock before its first hour.
    received_clock  TIMESTAMP,
    -- When it was promoted (the event's time), or first seen in the registry.
    received_at     TIMESTAMPTZ      NOT NULL
);
