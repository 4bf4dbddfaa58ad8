-- Hourly weather per location (bikecast.ingest.weather.locations). Hours are UTC.

-- The weather of hours already past: from the hours before each poll's issue time, later polls and backfills from the
-- archive replacing earlier values of the same hour.
CREATE TABLE weather_observed (
    location_id         TEXT             NOT NULL,
    hour                TIMESTAMPTZ      NOT NULL,
    temperature_celsius DOUBLE PRECISION NOT NULL,
    feels_like_celsius  DOUBLE PRECISION NOT NULL,
    humidity_percent    DOUBLE PRECISION NOT NULL CHECK (humidity_percent BETWEEN 0 AND 100),
    wind_speed_kmh      DOUBLE PRECISION NOT NULL CHECK (wind_speed_kmh >= 0),
    weather_code        SMALLINT         NOT NULL,
    weather_situation   SMALLINT         NOT NULL CHECK (weather_situation BETWEEN 1 AND 4),
    source              TEXT             NOT NULL CHECK (source IN ('forecast', 'archive')),
    fetched_at          TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (location_id, hour)
);

-- Every poll's forecast, kept under the time it was issued: what a forecast made at any moment could have known.
CREATE TABLE weather_forecast (
    location_id         TEXT             NOT NULL,
    issued_at           TIMESTAMPTZ      NOT NULL,
    hour                TIMESTAMPTZ      NOT NULL,
    temperature_celsius DOUBLE PRECISION NOT NULL,
    feels_like_celsius  DOUBLE PRECISION NOT NULL,
    humidity_percent    DOUBLE PRECISION NOT NULL CHECK (humidity_percent BETWEEN 0 AND 100),
    wind_speed_kmh      DOUBLE PRECISION NOT NULL CHECK (wind_speed_kmh >= 0),
    weather_code        SMALLINT         NOT NULL,
    weather_situation   SMALLINT         NOT NULL CHECK (weather_situation BETWEEN 1 AND 4),
    PRIMARY KEY (location_id, issued_at, hour)
);

-- Each poll and backfill, with what it stored or why it failed.
CREATE TABLE weather_poll (
    id              BIGSERIAL   PRIMARY KEY,
    location_id     TEXT        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('forecast', 'archive')),
    started_at      TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('stored', 'failed')),
    hours_observed  INTEGER     NOT NULL DEFAULT 0,
    hours_forecast  INTEGER     NOT NULL DEFAULT 0,
    hours_rejected  INTEGER     NOT NULL DEFAULT 0,
    reason          TEXT
);
CREATE INDEX weather_poll_location ON weather_poll (location_id, started_at DESC);
