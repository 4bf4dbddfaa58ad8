-- The model registry. Owned and migrated by the training service; the prediction and monitoring services read it
-- through common-model's ModelRegistryReader (model_version, model_alias), so those columns are a contract.

-- Every model version ever registered, with its artifact and the reference sample drift tests compare against.
CREATE TABLE model_version (
    model_name          TEXT             NOT NULL,
    version             BIGINT           NOT NULL CHECK (version > 0),
    algorithm           TEXT             NOT NULL,
    status              TEXT             NOT NULL
        CHECK (status IN ('candidate', 'challenger', 'champion', 'archived', 'rejected')),
    feature_schema      INTEGER          NOT NULL,
    hyper_parameters    JSONB            NOT NULL,
    -- Holdout metrics: rmse, mae, r2, withinTwentyPercent.
    metrics             JSONB            NOT NULL,
    training_start      TIMESTAMP        NOT NULL,
    training_end        TIMESTAMP        NOT NULL,
    holdout_start       TIMESTAMP        NOT NULL,
    holdout_end         TIMESTAMP        NOT NULL,
    dataset_version     TEXT,
    -- Tribuo protobuf, gzip-compressed; its SHA-256 (hex) is verified by every loader.
    artifact            BYTEA            NOT NULL,
    artifact_sha256     TEXT             NOT NULL,
    artifact_raw_bytes  BIGINT           NOT NULL,
    -- A sample of the training features and of the model's predictions on them:
    -- {"features": {"temp": [..], ...}, "predictions": [..]}, one array per feature, aligned by index.
    reference_sample    JSONB            NOT NULL,
    created_at          TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (model_name, version)
);

-- The champion and challenger of each model: at most one of each, by the primary key.
CREATE TABLE model_alias (
    model_name  TEXT        NOT NULL,
    alias       TEXT        NOT NULL CHECK (alias IN ('champion', 'challenger')),
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (model_name, alias),
    FOREIGN KEY (model_name, version) REFERENCES model_version (model_name, version)
);
