-- Hourly observations: one row per series and local hour, the feature columns as the UCI data set defines them.
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
    updated_at  TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, hour)
);
