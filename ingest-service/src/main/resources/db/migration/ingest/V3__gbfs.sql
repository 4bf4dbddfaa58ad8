-- GBFS station feeds (docs/ingest-service.md, "GBFS station feeds"): every poll's outcome, every station_status
-- snapshot with its stations, the stations of each system with the series id each was given, and the hourly
-- departures, arrivals and censoring flags derived from successive snapshots.

-- One row per poll of a system, successful or not: what happened and why, never an exception.
CREATE TABLE gbfs_poll (
    id               BIGSERIAL   PRIMARY KEY,
    system_id        TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ NOT NULL,
    outcome          TEXT        NOT NULL CHECK (outcome IN ('STORED', 'UNCHANGED', 'OUT_OF_ORDER', 'FAILED')),
    reason           TEXT,
    detail           TEXT,
    version          TEXT,
    last_updated     TIMESTAMPTZ,
    ttl_seconds      INTEGER,
    stations         INTEGER,
    stations_skipped INTEGER
);

CREATE INDEX gbfs_poll_by_system ON gbfs_poll (system_id, id DESC);

-- One row per station_status snapshot, identified by the feed's last_updated: polling the same snapshot twice stores
-- it once.
CREATE TABLE gbfs_snapshot (
    id           BIGSERIAL   PRIMARY KEY,
    system_id    TEXT        NOT NULL,
    last_updated TIMESTAMPTZ NOT NULL,
    fetched_at   TIMESTAMPTZ NOT NULL,
    version      TEXT        NOT NULL,
    UNIQUE (system_id, last_updated)
);

-- The stations of a snapshot as the feed reported them (num_bikes_available in GBFS 2.x, num_vehicles_available in
-- 3.x, both stored as vehicles_available).
CREATE TABLE gbfs_snapshot_station (
    snapshot_id        BIGINT      NOT NULL REFERENCES gbfs_snapshot (id) ON DELETE CASCADE,
    station_id         TEXT        NOT NULL,
    vehicles_available INTEGER     NOT NULL,
    docks_available    INTEGER,
    is_renting         BOOLEAN     NOT NULL,
    is_returning       BOOLEAN     NOT NULL,
    is_installed       BOOLEAN     NOT NULL,
    last_reported      TIMESTAMPTZ,
    PRIMARY KEY (snapshot_id, station_id)
);

-- The stations of a system from station_information. series_id is assigned once and never changes; name and
-- position follow the feed; a station missing from the latest station_information gets missing_since.
CREATE TABLE gbfs_station (
    system_id     TEXT        NOT NULL,
    station_id    TEXT        NOT NULL,
    series_id     TEXT        NOT NULL UNIQUE,
    name          TEXT,
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION,
    capacity      INTEGER,
    first_seen    TIMESTAMPTZ NOT NULL,
    last_seen     TIMESTAMPTZ NOT NULL,
    missing_since TIMESTAMPTZ,
    PRIMARY KEY (system_id, station_id)
);

-- Hourly movements of a station, in the hours of the system's time zone (hour_start is the instant the local hour
-- begins; local_hour its wall-clock time there; series_hour the same instant's wall-clock hour in bikecast's series
-- zone, America/New_York). Each snapshot adds the step from the previous snapshot to the hour its last_updated falls
-- in. station_empty and station_full mean 0 vehicles and 0 docks. A flag is true if any snapshot of the hour showed
-- the condition; not_reporting and censored are derived.
CREATE TABLE gbfs_station_hour (
    system_id          TEXT        NOT NULL,
    station_id         TEXT        NOT NULL,
    hour_start         TIMESTAMPTZ NOT NULL,
    local_hour         TIMESTAMP   NOT NULL,
    series_hour        TIMESTAMP   NOT NULL,
    departures         INTEGER     NOT NULL DEFAULT 0,
    arrivals           INTEGER     NOT NULL DEFAULT 0,
    rebalancing_steps  INTEGER     NOT NULL DEFAULT 0,
    rebalanced         INTEGER     NOT NULL DEFAULT 0,
    snapshots          INTEGER     NOT NULL DEFAULT 0,
    fresh_reports      INTEGER     NOT NULL DEFAULT 0,
    station_empty      BOOLEAN     NOT NULL DEFAULT false,
    station_full       BOOLEAN     NOT NULL DEFAULT false,
    not_renting        BOOLEAN     NOT NULL DEFAULT false,
    not_installed      BOOLEAN     NOT NULL DEFAULT false,
    rebalancing        BOOLEAN     GENERATED ALWAYS AS (rebalancing_steps > 0) STORED,
    not_reporting      BOOLEAN     GENERATED ALWAYS AS (fresh_reports = 0) STORED,
    censored           BOOLEAN     GENERATED ALWAYS AS (
                           station_empty OR station_full OR not_renting OR not_installed OR fresh_reports = 0) STORED,
    closed             BOOLEAN     NOT NULL DEFAULT false,
    updated_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (system_id, station_id, hour_start)
);

CREATE INDEX gbfs_station_hour_open ON gbfs_station_hour (system_id, hour_start) WHERE NOT closed;
