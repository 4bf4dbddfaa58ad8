-- Problem alerts (drift, live performance degraded, training failed) are OPEN until their condition clears or an
-- operator resolves them; informational ones (a champion promoted) are never open. The state is stored, not derived,
-- so the open list is one indexed read.
ALTER TABLE alert ADD COLUMN model_name TEXT;
ALTER TABLE alert ADD COLUMN state TEXT NOT NULL DEFAULT 'OPEN';
ALTER TABLE alert ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN resolved_how TEXT;
ALTER TABLE alert ADD COLUMN resolution_reason TEXT;

-- The model each alert is about, which a clearing condition matches on: the key of drift and live-error alerts is
-- model:version; a training failure's key is its run, and its title names the model.
UPDATE alert SET model_name = split_part(alert_key, ':', 1) WHERE kind IN ('DRIFT_DETECTED', 'LIVE_PERFORMANCE_DEGRADED', 'CHAMPION_PROMOTED');
UPDATE alert SET model_name = substring(title FROM '^Training failed: (.*)$') WHERE kind = 'TRAINING_FAILED';
-- Alerts raised before states existed were never resolved: problems stay open (the next check or successful run
-- clears them, or an operator does); promotions were only ever news.
UPDATE alert SET state = 'INFORMATIONAL' WHERE kind = 'CHAMPION_PROMOTED';

ALTER TABLE alert ADD CONSTRAINT alert_state_check CHECK (state IN ('OPEN', 'RESOLVED', 'INFORMATIONAL'));
ALTER TABLE alert ADD CONSTRAINT alert_resolved_how_check CHECK (resolved_how IN ('CONDITION_CLEARED', 'OPERATOR'));
ALTER TABLE alert ADD CONSTRAINT alert_resolution_check
    CHECK ((state = 'RESOLVED') = (resolved_at IS NOT NULL AND resolved_how IS NOT NULL));
CREATE INDEX alert_open ON alert (model_name, kind) WHERE state = 'OPEN';

-- A resolution is delivered as a message of its own to the channels the alert went to, with the same retries: one
-- delivery row per alert, channel and message.
ALTER TABLE alert_delivery ADD COLUMN message TEXT NOT NULL DEFAULT 'RAISED' CHECK (message IN ('RAISED', 'RESOLVED'));
ALTER TABLE alert_delivery DROP CONSTRAINT alert_delivery_pkey;
ALTER TABLE alert_delivery ADD PRIMARY KEY (alert_id, channel, message);
