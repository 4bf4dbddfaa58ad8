-- The model registry and the training service's experiment tracking. Owned and migrated by the training service; the
-- prediction and monitoring services read model_version and model_alias through common-model's ModelRegistryReader,
-- so those columns are a contract.

-- Every training run ever requested: queued by a trigger, picked up by one worker at a time per model, and kept with
-- its parameters, data, metrics and outcome.
CREATE TABLE training_run (
    id                  UUID             PRIMARY KEY,
    model_name          TEXT             NOT NULL,
    -- merged: the request arrived while an equal one was waiting and was served by merged_into.
    status              TEXT             NOT NULL
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'merged')),
    trigger             TEXT             NOT NULL CHECK (trigger IN ('api', 'schedule', 'drift', 'ingest')),
    reason              TEXT             NOT NULL,
    -- The hyper-parameter overrides the request asked for ({} for the configured defaults).
    requested_parameters JSONB           NOT NULL DEFAULT '{}'::jsonb,
    -- Every setting the run actually used, defaults resolved.
    parameters          JSONB,
    merged_into         UUID             REFERENCES training_run (id),
    -- The event that asked for the run, so that a redelivered event queues nothing.
    request_event_id    UUID             UNIQUE,
    requested_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    started_at          TIMESTAMPTZ,
    finished_at         TIMESTAMPTZ,
    duration_ms         BIGINT,
    worker              TEXT,
    training_start      TIMESTAMP,
    training_end        TIMESTAMP,
    holdout_start       TIMESTAMP,
    holdout_end         TIMESTAMP,
    training_rows       INTEGER,
    holdout_rows        INTEGER,
    -- SHA-256 over the rows the run read (hour, features, count): equal data, equal version.
    dataset_version     TEXT,
    metrics             JSONB,
    model_version       BIGINT,
    -- The promotion decision: outcome, reasons and the comparisons behind them.
    decision            JSONB,
    error               TEXT,
    -- Tribuo's provenance of the trained model (trainer settings, seeds, data provenance), without row indices.
    provenance          JSONB
);

CREATE INDEX training_run_model_status ON training_run (model_name, status, requested_at);
CREATE INDEX training_run_requested ON training_run (requested_at DESC);
-- The advisory lock keeps one worker per model; this index makes a second concurrent run impossible even so.
CREATE UNIQUE INDEX training_run_one_running ON training_run (model_name) WHERE status = 'running';

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
    -- The run that trained it (null for versions registered by other means, e.g. test fixtures).
    run_id              UUID             REFERENCES training_run (id),
    -- The promotion decision taken at registration: outcome, reasons, comparisons.
    decision            JSONB,
    created_at          TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (model_name, version)
);

-- The champion and challenger of each model: at most one of each (primary key), and a version holds at most one alias.
CREATE TABLE model_alias (
    model_name  TEXT        NOT NULL,
    alias       TEXT        NOT NULL CHECK (alias IN ('champion', 'challenger')),
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (model_name, alias),
    UNIQUE (model_name, version),
    FOREIGN KEY (model_name, version) REFERENCES model_version (model_name, version)
);

-- Every move of an alias: which version it pointed at from when, what moved it and why. The row with the latest
-- changed_at not after T says which version served at T; version is null when the alias was cleared.
CREATE TABLE alias_history (
    id                  BIGSERIAL        PRIMARY KEY,
    model_name          TEXT             NOT NULL,
    alias               TEXT             NOT NULL CHECK (alias IN ('champion', 'challenger')),
    version             BIGINT,
    previous_version    BIGINT,
    changed_at          TIMESTAMPTZ      NOT NULL DEFAULT clock_timestamp(),
    -- What moved it: schedule, drift, ingest (a training run with that trigger), api (a person), rollback.
    source              TEXT             NOT NULL,
    reason              TEXT             NOT NULL,
    -- The metrics that justified the move (the new version's holdout metrics and, for a promotion, the comparison).
    metrics             JSONB,
    FOREIGN KEY (model_name, version) REFERENCES model_version (model_name, version)
);

CREATE INDEX alias_history_lookup ON alias_history (model_name, alias, changed_at DESC, id DESC);

-- Events written in the same transaction as the registry change they announce, and published to Kafka after commit.
CREATE TABLE outbox (
    id              BIGSERIAL    PRIMARY KEY,
    topic           TEXT         NOT NULL,
    event_key       TEXT         NOT NULL,
    event_type      TEXT         NOT NULL,
    payload         JSONB        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at    TIMESTAMPTZ,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      TEXT
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
