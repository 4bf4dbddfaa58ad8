/**
 * Ingest by reference ({@code POST /api/v1/ingest/uci}): the UCI CSV, or a zip holding {@code hour.csv}, from a file
 * of the data directory or an http(s) URL, with the address policy, timeouts and redirect checks that keep URL fetching
 * from reaching the internal network, and the limits that refuse a zip bomb.
 */
package io.bikecast.ingest.source;
