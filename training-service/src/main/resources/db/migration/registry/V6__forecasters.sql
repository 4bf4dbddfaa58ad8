-- A version is a forecaster (issue 11): one model per lead (0 = no history, 1, 3, 6, 24 hours) of one algorithm and
-- target, stored as ForecasterArtifacts' zip. Versions stored before keep their single gzip-compressed forest, whose
-- format and target (the count) the defaults below give them; a new row must name both.
ALTER TABLE model_version
    ADD COLUMN artifact_format  TEXT NOT NULL DEFAULT 'tribuo-protobuf+gzip',
    ADD COLUMN target_transform TEXT NOT NULL DEFAULT 'COUNT' CHECK (target_transform IN ('COUNT', 'LOG1P')),
    -- Every candidate the run trained and how it scored on the holdout: algorithm, target, parameters, score (the
    -- mean RMSE over the leads with history, which chose between them) and per lead its metrics; null before.
    ADD COLUMN candidates       JSONB;
ALTER TABLE model_version
    ALTER COLUMN artifact_format DROP DEFAULT,
    ALTER COLUMN target_transform DROP DEFAULT;

-- Each lead of a registered forecaster on its run's holdout (the evaluation fit): its metrics, the coverage of its 80%
-- interval and the interval's offsets in the target's space (split-conformal, also in the artifact). None for
-- versions stored before forecasters.
CREATE TABLE model_version_lead (
    model_name            TEXT             NOT NULL,
    version               BIGINT           NOT NULL,
    lead                  INTEGER          NOT NULL CHECK (lead >= 0),
    rmse                  DOUBLE PRECISION NOT NULL,
    mae                   DOUBLE PRECISION NOT NULL,
    r2                    DOUBLE PRECISION NOT NULL,
    within_twenty_percent DOUBLE PRECISION NOT NULL,
    coverage80            DOUBLE PRECISION NOT NULL,
    interval_low          DOUBLE PRECISION NOT NULL,
    interval_high         DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (model_name, version, lead),
    FOREIGN KEY (model_name, version) REFERENCES model_version (model_name, version)
);

ALTER TABLE training_run
    ADD COLUMN candidates JSONB;
