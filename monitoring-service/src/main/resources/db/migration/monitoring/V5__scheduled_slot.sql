-- Which slots of the scheduled jobs have run (io.bikecast.platform.schedule.ScheduledSlots): the first instance to
-- insert a job's slot runs it, every other instance sees the row and skips it, so a job runs once across instances.
CREATE TABLE scheduled_slot (
    job        TEXT        NOT NULL,
    slot       TIMESTAMPTZ NOT NULL,
    claimed_by TEXT        NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (job, slot)
);
