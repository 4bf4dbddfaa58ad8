-- A stable newest-first order of alerts. Alerts raised in the same data-clock hour share first_raised_at, and their
-- ids are random UUIDs, so "first_raised_at DESC, id" listed them in an arbitrary order. seq numbers alerts in the
-- order they were stored; the listing breaks ties on it (newest first).
CREATE SEQUENCE alert_seq;
ALTER TABLE alert ADD COLUMN seq BIGINT;

-- Alerts stored before: numbered by their raising, then by id, the order they were listed in (nothing better is
-- known about them).
UPDATE alert SET seq = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY first_raised_at, id) AS n FROM alert) AS numbered
WHERE alert.id = numbered.id;
SELECT setval('alert_seq', coalesce((SELECT max(seq) FROM alert), 0) + 1, false);

ALTER TABLE alert ALTER COLUMN seq SET DEFAULT nextval('alert_seq');
ALTER TABLE alert ALTER COLUMN seq SET NOT NULL;
ALTER SEQUENCE alert_seq OWNED BY alert.seq;
CREATE INDEX alert_newest_first ON alert (first_raised_at DESC, seq DESC);
