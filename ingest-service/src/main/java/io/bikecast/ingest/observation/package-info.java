/**
 * Stored observations: the {@code ingest.observation} table (bulk upserts for batches, ordered reads for replays), and
 * the read API the other services use instead of the table: pages, one hour, series ranges and the streamed bulk
 * export.
 */
package io.bikecast.ingest.observation;
