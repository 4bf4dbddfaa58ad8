-- A version's served fit: after the evaluation fit (trained before the holdout, scored on it: the version's metrics),
-- a run refits the same recipe on the whole window, and that refit is the artifact that is stored and served. These
-- columns say which hours it learned from; null for versions registered before refits (their artifact is the
-- evaluation fit, which learned from training_start..training_end).
ALTER TABLE model_version
    ADD COLUMN served_fit_start TIMESTAMP,
    ADD COLUMN served_fit_end   TIMESTAMP,
    ADD COLUMN served_fit_rows  INTEGER;

ALTER TABLE training_run
    ADD COLUMN served_fit_start TIMESTAMP,
    ADD COLUMN served_fit_end   TIMESTAMP,
    ADD COLUMN served_fit_rows  INTEGER;
