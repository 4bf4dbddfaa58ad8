-- What a GBFS system says of itself (docs/ingest-service.md, "Systems"): the name and time zone of its
-- system_information as last read, and the zone its station hours are derived in (the configured time-zone, else the
-- feed's). GET /api/v1/gbfs/systems reads it; a system never polled successfully has no row.
CREATE TABLE gbfs_system (
    system_id      TEXT        PRIMARY KEY,
    name           TEXT,
    feed_time_zone TEXT        NOT NULL,
    hours_zone     TEXT        NOT NULL,
    read_at        TIMESTAMPTZ NOT NULL
);
