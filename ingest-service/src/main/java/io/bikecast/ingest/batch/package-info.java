/**
 * A batch's lifecycle, whatever its format: reads it through a {@link io.bikecast.ingest.batch.BatchSource}, validates
 * every row, stores the accepted rows, the report with every rejection and the dataset version in one transaction,
 * announces them through the outbox, counts them in the metrics, and serves the reports and versions back.
 */
package io.bikecast.ingest.batch;
