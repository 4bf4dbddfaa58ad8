-- The predictions the prediction service made, stored once each by prediction id.
CREATE TABLE prediction_log (
    prediction_id   UUID             PRIMARY KEY,
    series_id       TEXT             NOT NULL,
    hour            TIMESTAMP,
    model_name      TEXT             NOT NULL,
    model_version   BIGINT           NOT NULL,
    served_by       TEXT             NOT NULL,
    shadow          BOOLEAN          NOT NULL,
    prediction      DOUBLE PRECISION NOT NULL,
    features        JSONB            NOT NULL,
    predicted_at    TIMESTAMPTZ      NOT NULL
);
CREATE INDEX prediction_log_series_hour ON prediction_log (series_id, hour);
