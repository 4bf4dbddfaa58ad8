package io.bikecast.ingest.batch;

/**
 * A strict batch with at least one row that breaks the data contract: nothing of it was stored but its report and
 * every rejection, readable at {@code /api/v1/ingest/batches/{id}}.
 */
public final class StrictBatchRejectedException extends RuntimeException {

    private final BatchReport report;

    StrictBatchRejectedException(BatchReport report) {
        super(report.rowsRejected() + " of " + report.rowsRead() + " rows break the data contract and the batch"
                + " is strict, so nothing was stored. Every rejection is listed at /api/v1/ingest/batches/"
                + report.batchId() + ".");
        this.report = report;
    }

    /** The stored report, with the first page of its rejections. */
    public BatchReport report() {
        return report;
    }
}
