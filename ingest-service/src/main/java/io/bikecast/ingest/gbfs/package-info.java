/**
 * GBFS station feeds: polls each configured bike-share system's auto-discovery file ({@code gbfs.json}, GBFS 2.x or
 * 3.x), stores every {@code station_status} snapshot, keeps the stations of {@code station_information} with the
 * series id each was given, and derives hourly departures, arrivals and censoring flags from successive snapshots.
 * Closed, uncensored hours with observed weather become observations of their stations' series through
 * {@link io.bikecast.ingest.batch.IngestService} ({@code StationObservations}). Read-only API
 * under {@code /api/v1/gbfs}.
 */
package io.bikecast.ingest.gbfs;
