-- GBFS station hours become observations (docs/ingest-service.md, "Station hours as observations"). A closed station
-- hour is handled once: PUBLISHED (ingested as an observation of its station's series), CENSORED or REBALANCING (its
-- demand is only a lower bound, so no observation), or REJECTED (the data contract refused the row, e.g. weather
-- outside the trained range; the batch report has the reason). NULL: not handled yet, i.e. still open or waiting for
-- the observed weather of its hour.
ALTER TABLE gbfs_station_hour
    ADD COLUMN observation    TEXT CHECK (observation IN ('PUBLISHED', 'CENSORED', 'REBALANCING', 'REJECTED')),
    ADD COLUMN observation_at TIMESTAMPTZ;

CREATE INDEX gbfs_station_hour_unhandled ON gbfs_station_hour (system_id, hour_start)
    WHERE closed AND observation IS NULL;
