/**
 * GBFS station feeds: polls each configured bike-share system's auto-discovery file ({@code gbfs.json}, GBFS 2.x or
 * 3.x), stores every {@code station_status} snapshot, keeps the stations of {@code station_information} with the
 * series id each was given, and derives hourly departures, arrivals and censoring flags from successive snapshots.
 * Read-only API under {@code /api/v1/gbfs}. Nothing is written to {@code ingest.observation} (yet).
 */
package io.bikecast.ingest.gbfs;
