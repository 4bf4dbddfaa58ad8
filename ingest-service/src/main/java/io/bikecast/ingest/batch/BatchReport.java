package io.bikecast.ingest.batch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What became of one ingest batch.
 *
 * @param status {@code COMMITTED} (the accepted rows are stored) or {@code REJECTED} (strict mode found a bad row:
 *     nothing was stored)
 * @param source {@code csv} (upload), {@code uci} (by path or URL) or {@code observations} (JSON)
 * @param origin the uploaded file name, path or URL, when there was one
 * @param rowsRead the rows the source held
 * @param rowsAccepted the rows that satisfied the contract: {@code rowsInserted + rowsUpdated + rowsUnchanged}
 * @param rowsInserted accepted rows for hours not stored before
 * @param rowsUpdated accepted rows that replaced different values stored for their hour
 * @param rowsUnchanged accepted rows identical to what was already stored for their hour
 * @param rowsRejected rows that broke the contract (one row may have several rejections)
 * @param datasetVersion the content hash of the accepted rows; null when none were accepted
 * @param ignoredColumns CSV columns the contract does not know, which were ignored
 * @param rejections the first page of rejections (the response to an ingest lists the first few)
 */
public record BatchReport(
        UUID batchId,
        String status,
        String source,
        String origin,
        String mode,
        int rowsRead,
        int rowsAccepted,
        int rowsInserted,
        int rowsUpdated,
        int rowsUnchanged,
        int rowsRejected,
        String datasetVersion,
        List<String> seriesIds,
        LocalDateTime firstHour,
        LocalDateTime lastHour,
        List<String> ignoredColumns,
        Instant startedAt,
        Instant finishedAt,
        RejectionPage rejections) {

    public static final String COMMITTED = "COMMITTED";
    public static final String REJECTED = "REJECTED";

    /** The same report with another page of rejections. */
    public BatchReport withRejections(RejectionPage page) {
        return new BatchReport(
                batchId,
                status,
                source,
                origin,
                mode,
                rowsRead,
                rowsAccepted,
                rowsInserted,
                rowsUpdated,
                rowsUnchanged,
                rowsRejected,
                datasetVersion,
                seriesIds,
                firstHour,
                lastHour,
                ignoredColumns,
                startedAt,
                finishedAt,
                page);
    }
}
