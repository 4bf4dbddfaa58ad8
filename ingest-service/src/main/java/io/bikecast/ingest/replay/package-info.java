/**
 * Replays of stored history ({@code POST /api/v1/replays}): a series' stored hours handed to the outbox one by one as
 * {@code actual-observed} events at a chosen pace, as if they were live; started, watched and stopped over HTTP.
 */
package io.bikecast.ingest.replay;
