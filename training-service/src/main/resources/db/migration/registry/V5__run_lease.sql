-- The one-run-per-model lock becomes a lease on the run row (io.bikecast.training.run.RunLeases) instead of a session
-- advisory lock on a pooled connection that sat idle during the run: the instance that claims a run records itself as
-- its owner and a lease expiry, which a heartbeat renews while the run works. Another instance may take the run over
-- only once the lease has expired, and every later update of the run is guarded by the owner, so an instance whose
-- lease was taken over can neither record an outcome nor register a version. attempts counts the claims of a run, so
-- that one whose lease keeps expiring (its instances die while running it) is failed instead of claimed forever.
-- A row left running by the advisory-lock code has no lease: it counts as expired.
ALTER TABLE training_run
    ADD COLUMN lease_owner      TEXT,
    ADD COLUMN lease_expires_at TIMESTAMPTZ,
    ADD COLUMN attempts         INTEGER NOT NULL DEFAULT 0;
