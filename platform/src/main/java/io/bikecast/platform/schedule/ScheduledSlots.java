package io.bikecast.platform.schedule;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a scheduled job run once per slot across every instance of a service. Each instance's scheduler fires (the
 * 02:00 cron, the drift check every 15 minutes); the first instance to claim the slot, by inserting its row into the
 * service's slot table, runs the job, and the others see the row and skip it. The primary key decides, so it holds
 * across any number of instances and needs no lock held while the job runs.
 *
 * <p>The trade-off is at-most-once per slot: an instance that dies after claiming a slot leaves that slot unrun, and
 * the next slot runs as usual. Every job that uses this (queueing a retraining run, a drift check) is one whose next
 * slot repairs a missed one.
 */
public class ScheduledSlots {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSlots.class);

    private final JdbcTemplate jdbc;
    private final String table;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    public ScheduledSlots(JdbcTemplate jdbc, ScheduledSlotsProperties properties) {
        this.jdbc = jdbc;
        this.table = properties.slotTable();
    }

    /**
     * Claims the slot for this instance.
     *
     * @param job the job's name, the same on every instance
     * @param slot when the job was due: the same value on every instance for the same firing (a cron's minute, an
     *     interval's start)
     * @return true if this instance claimed it and must run the job, false if another already had
     */
    public boolean claim(String job, Instant slot) {
        int inserted = jdbc.update(
                "INSERT INTO " + table + " (job, slot, claimed_by, claimed_at) VALUES (?, ?, ?, now())"
                        + " ON CONFLICT (job, slot) DO NOTHING",
                job,
                Timestamp.from(slot),
                instance);
        if (inserted == 0) {
            log.debug("{} at {} was claimed by another instance", job, slot);
        }
        return inserted == 1;
    }

    /** Runs the job if this instance claims its slot; returns whether it ran. */
    public boolean runOnce(String job, Instant slot, Runnable work) {
        if (!claim(job, slot)) {
            return false;
        }
        work.run();
        return true;
    }
}
