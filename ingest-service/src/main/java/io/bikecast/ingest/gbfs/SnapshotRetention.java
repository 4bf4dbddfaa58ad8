package io.bikecast.ingest.gbfs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes raw snapshots past {@code snapshot-retention}, by the feed's clock: the cut-off is the system's newest
 * {@code last_updated} minus the retention, so a replay of old days or a feed that was down keeps what it has, and a
 * clock skew between bikecast and the feed cannot eat a snapshot. Each snapshot's movements are in the station hours
 * from the moment it is stored, and only the newest one is read again (to derive the next step), so deleting older
 * ones loses nothing; those in an hour some station has still open are kept all the same. Runs after each round of
 * polls, at most {@code snapshot-delete-batch} snapshots per system and run, under the system's advisory lock.
 */
@Component
class SnapshotRetention {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

    private final GbfsProperties properties;
    private final GbfsStore store;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    SnapshotRetention(
            GbfsProperties properties, GbfsStore store, TransactionTemplate transactions, MeterRegistry meters) {
        this.properties = properties;
        this.store = store;
        this.transactions = transactions;
        this.meters = meters;
        properties.systems().forEach(system -> deleted(system.id()));
    }

    /** Runs the retention of every enabled system; a failure of one is logged and the others go on. */
    void pruneAll() {
        for (GbfsProperties.Feed system : properties.systems()) {
            if (system.enabled()) {
                try {
                    prune(system.id());
                } catch (RuntimeException e) {
                    log.warn("Snapshot retention of GBFS system {} failed: {}", system.id(), e.getMessage());
                }
            }
        }
    }

    /**
     * Deletes one batch of the system's snapshots older than the retention.
     *
     * @return how many were deleted
     */
    int prune(String systemId) {
        Integer deleted = transactions.execute(tx -> {
            store.lock(systemId);
            Optional<Instant> newest = store.latestSnapshot(systemId);
            if (newest.isEmpty()) {
                return 0;
            }
            Instant cutoff = newest.get().minus(properties.snapshotRetention());
            return store.deleteSnapshotsBefore(systemId, cutoff, properties.snapshotDeleteBatch());
        });
        int count = deleted == null ? 0 : deleted;
        if (count > 0) {
            deleted(systemId).increment(count);
            log.info(
                    "Deleted {} snapshots of GBFS system {} past the retention of {}",
                    count,
                    systemId,
                    properties.snapshotRetention());
        }
        return count;
    }

    private Counter deleted(String systemId) {
        return Counter.builder("bikecast.gbfs.snapshots.deleted")
                .description("Raw station_status snapshots deleted past snapshot-retention")
                .tag("system", systemId)
                .register(meters);
    }
}
