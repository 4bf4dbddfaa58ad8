package io.bikecast.ingest.batch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The accepted rows of a batch, identified by content: the same rows ingested again are the same version.
 *
 * @param contentHash SHA-256 (hex) of the accepted rows in a canonical form, sorted by series and hour
 * @param rowCount how many rows
 * @param firstHour the earliest local hour
 * @param lastHour the latest local hour
 * @param seriesIds the series the rows belong to
 * @param firstBatchId the batch that first stored this content
 * @param createdAt when that was
 */
record DatasetVersion(
        String contentHash,
        int rowCount,
        LocalDateTime firstHour,
        LocalDateTime lastHour,
        List<String> seriesIds,
        UUID firstBatchId,
        Instant createdAt) {}
