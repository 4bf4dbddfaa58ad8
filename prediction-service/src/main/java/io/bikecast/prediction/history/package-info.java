/**
 * The recent actual demand of each series, bounded in hours and series: kept from the {@code actual-observed} events
 * and rebuilt at start-up from the ingest service's export, and read as of an issue time, never past it.
 */
package io.bikecast.prediction.history;
